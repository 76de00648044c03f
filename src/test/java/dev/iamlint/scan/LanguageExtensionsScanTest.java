package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Fn::ForEach} of the language extensions: a loop over a known collection is read like the
 * resources it generates; over an unknown one it generates nothing and decides nothing.
 */
class LanguageExtensionsScanTest {
  @TempDir Path dir;

  private static final String TEMPLATE = """
      Transform: AWS::LanguageExtensions
      Parameters:
        Names:
          Type: CommaDelimitedList%s
      Resources:
        Deployer:
          Type: AWS::IAM::User
        Fn::ForEach::Trails:
          - Name
          - !Ref Names
          - Trail${Name}:
              Type: %s
              Properties:
                ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
      """;

  private List<Finding> scan(String text, Map<String, String> parameters, boolean reportUnknown, String rule)
      throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, text);
    ScanRequest r = ScanRequest.of(dir, List.of(file)).withSelector(new RuleSelector(List.of(rule), List.of()));
    return new Scanner().scan(new ScanRequest(r.workingDirectory(), r.paths(), parameters, r.variables(), r.variableFiles(),
        r.environment(), r.partition(), r.selector(), r.minSeverity(),
        new ScanOptions(false, false, reportUnknown, Map.of()).withAsOf(TestScans.AS_OF), r.excluded(), r.threads())).findings();
  }

  @Test
  void aLoopOverAParameterWithoutValueGeneratesNothingAndDecidesNoAbsence() throws IOException {
    String text = TEMPLATE.formatted("", "AWS::CloudTrail::Trail");
    assertEquals(List.of(), scan(text, Map.of(), false, "CT001"));
    List<Finding> notes = scan(text, Map.of(), true, "CT001");
    assertEquals(1, notes.size(), notes::toString);
    assertTrue(notes.get(0).message().contains("Resources.Fn::ForEach::Trails: a loop of the language extensions whose "
        + "collection is not known (parameter Names has no default and no value was given)"), notes.get(0).message());
  }

  @Test
  void aLoopThatGeneratesNoTrailLeavesTheAbsenceCertain() throws IOException {
    String text = TEMPLATE.formatted("\n    Default: a,b", "AWS::IAM::Group");
    assertEquals(1, scan(text, Map.of(), false, "CT001").size());
  }

  @Test
  void aValueGivenOnTheCommandLineIsTheCollection() throws IOException {
    String text = TEMPLATE.formatted("", "AWS::IAM::Group");
    assertEquals(List.of(), scan(text, Map.of(), false, "ADM001"), "nothing generated without a value");
    List<Finding> found = scan(text, Map.of("Names", "Ops, Dev"), false, "ADM001");
    assertEquals(List.of("group Resources.TrailDev", "group Resources.TrailOps"),
        found.stream().map(f -> f.message().replaceAll(".* is attached to (group \\S+).*", "$1")).sorted().toList());
    assertTrue(found.stream().allMatch(f -> f.location().startLine() == 14), found::toString);
  }
}
