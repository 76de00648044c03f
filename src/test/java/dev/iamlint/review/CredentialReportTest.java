package dev.iamlint.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.model.CredentialReportLine;
import dev.iamlint.model.ModelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The credential report's CSV: fields as written (IAM names may hold commas), and what each line becomes. */
class CredentialReportTest {

  static Stream<Arguments> lines() {
    return Stream.of(
        Arguments.of("a,b,c", List.of("a@1-2", "b@3-4", "c@5-6")),
        Arguments.of("a,,c", List.of("a@1-2", "@3-3", "c@4-5")),
        Arguments.of("\"ops,team\",arn", List.of("ops,team@1-11", "arn@12-15")),
        Arguments.of("\"say \"\"hi\"\"\",x", List.of("say \"hi\"@1-13", "x@14-15")),
        Arguments.of("", List.of("@1-1")),
        Arguments.of("\"unterminated,x", List.of("unterminated,x@1-16")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("lines")
  void fields(String line, List<String> expected) {
    assertEquals(expected, CredentialReport.fields(line).stream()
        .map(f -> f.text() + "@" + (f.start() + 1) + "-" + (f.end() + 1)).toList());
  }

  static Stream<Arguments> reports() {
    String header = String.join(",", CredentialReport.COLUMNS);
    String alice = "\"alice,ops\",arn:aws:iam::123456789012:user/ops/alice,2025-05-01T09:30:00+00:00,true,"
        + "2026-06-12T09:30:00Z,2025-05-01T09:30:00+00:00,N/A,false,true,2026-05-01T09:30:00+00:00,no_information,N/A,N/A,"
        + "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
    return Stream.of(
        Arguments.of("a user whose name holds a comma", header + "\n" + alice + "\n",
            List.of("user/ops/alice alice,ops created 2025-05-01 password true used 2026-06-12 mfa false keys [1 true 2026-05-01 -]"),
            List.of()),
        Arguments.of("Windows line ends", header + "\r\n" + alice + "\r\n",
            List.of("user/ops/alice alice,ops created 2025-05-01 password true used 2026-06-12 mfa false keys [1 true 2026-05-01 -]"),
            List.of()),
        Arguments.of("a time late in the day elsewhere is the next day in UTC", header + "\n"
            + alice.replace("2026-06-12T09:30:00Z", "2026-06-12T23:30:00-02:00") + "\n",
            List.of("user/ops/alice alice,ops created 2025-05-01 password true used 2026-06-13 mfa false keys [1 true 2026-05-01 -]"),
            List.of()),
        Arguments.of("a flag that is not true or false", header + "\n" + alice.replace(",false,true,", ",no,true,") + "\n",
            List.of(), List.of("2:136 \"no\" is not true or false: this line of the credential report is not reviewed")),
        Arguments.of("a header only", header + "\n", List.of(), List.of()),
        Arguments.of("nothing", "", List.of(), List.of("1:1 the credential report is empty: expected its header line")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void read(String what, String csv, List<String> expected, List<String> problems) {
    ModelBuilder out = new ModelBuilder();
    List<Problem> found = new ArrayList<>();
    CredentialReport.read("report.csv", csv, Optional.empty(), "2026-06-15", out, found);
    assertEquals(expected, out.credentialReport.stream().map(CredentialReportTest::describe).toList());
    assertEquals(problems, found.stream().map(p -> p.location().startLine() + ":" + p.location().startColumn() + " "
        + p.message()).toList());
  }

  private static String describe(CredentialReportLine l) {
    return l.resource().address() + " " + l.user() + " created " + l.created().map(CredentialReportLine.Dated::day).orElse("-")
        + " password " + l.passwordEnabled().map(CredentialReportLine.Flag::value).map(String::valueOf).orElse("-")
        + " used " + l.passwordLastUsed().map(CredentialReportLine.Dated::day).orElse("-")
        + " mfa " + l.mfaActive().map(CredentialReportLine.Flag::value).map(String::valueOf).orElse("-")
        + " keys " + l.keys().stream().filter(k -> k.active().value())
            .map(k -> k.number() + " " + k.active().value() + " " + k.lastRotated().map(CredentialReportLine.Dated::day).orElse("-")
                + " " + k.lastUsed().map(CredentialReportLine.Dated::day).orElse("-")).toList();
  }
}
