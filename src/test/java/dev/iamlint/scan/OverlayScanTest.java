package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.rule.Finding;
import dev.iamlint.source.Overlay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan with an overlay judges the unsaved texts with the rest of the project as it is on disk. */
class OverlayScanTest {
  private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

  @TempDir
  Path dir;

  private List<String> scan(Map<Path, String> buffers) {
    ScanResult result = new Scanner().scan(ScanRequest.of(dir, List.of(dir)).withOverlay(Overlay.of(buffers)));
    return result.findings().stream().map(f -> f.ruleId() + " " + f.location().shortForm()).toList();
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static String attachment(String policy) {
    return "resource \"aws_iam_role_policy_attachment\" \"ci\" {\n  role       = \"ci\"\n  policy_arn = " + policy + "\n}\n";
  }

  @Test
  void aTerraformBufferIsJudgedInsteadOfItsFile() throws IOException {
    Path main = write("iam/main.tf", attachment("\"" + READ_ONLY + "\""));
    assertEquals(List.of(), scan(Map.of()).stream().filter(f -> f.startsWith("ADM001")).toList());
    assertEquals(List.of("ADM001 iam/main.tf:3:16"),
        scan(Map.of(main, attachment("\"" + ADMIN + "\""))).stream().filter(f -> f.startsWith("ADM001")).toList());
  }

  @Test
  void aVariableFileBufferFeedsTheModuleOnDisk() throws IOException {
    write("iam/main.tf", attachment("var.policy") + "variable \"policy\" {\n  default = \"" + READ_ONLY + "\"\n}\n");
    Path tfvars = write("iam/terraform.tfvars", "policy = \"" + READ_ONLY + "\"\n");
    List<String> found = scan(Map.of(tfvars, "policy = \"" + ADMIN + "\"\n"));
    assertEquals(1, found.stream().filter(f -> f.startsWith("ADM001 iam/main.tf:3")).count(), found.toString());
  }

  @Test
  void aTemplateBufferThatDoesNotParseIsASyntaxErrorAtItsPlace() throws IOException {
    Path stack = write("stack.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\n");
    assertEquals(List.of(), scan(Map.of()));
    List<String> found = scan(Map.of(stack, "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Role: [unclosed\n"));
    assertEquals(1, found.size(), found.toString());
    assertEquals("SYN001", found.get(0).split(" ")[0]);
  }

  @Test
  void aBufferOfAFileAnotherDirectoryHoldsIsNotReadForThisOne() throws IOException {
    Path main = write("iam/main.tf", attachment("\"" + READ_ONLY + "\""));
    write("other/main.tf", attachment("\"" + READ_ONLY + "\""));
    List<Finding> none = new Scanner().scan(ScanRequest.of(dir, List.of(dir.resolve("other")))
        .withOverlay(Overlay.of(Map.of(main, attachment("\"" + ADMIN + "\""))))).findings();
    assertEquals(List.of(), none.stream().filter(f -> f.ruleId().equals("ADM001")).toList());
  }
}
