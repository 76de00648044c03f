package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Root modules are planned from a sketch of the module calls, before anything is parsed; the
 * roots judged are those of the calls as parsed, whatever the sketch said.
 */
class RootModulePlanTest {

  private static final String ADMIN_ROLE = TestScans.adminRole("\"deployer\"");

  private static List<String> judged(Path dir) {
    String prefix = dir.getFileName() + "/";
    return TestScans.findings(dir, "ADM001", "SYN001").stream()
        .map(f -> (f.ruleId() + " " + f.location().file() + " " + f.resource().address()).replace(prefix, "")).sorted().toList();
  }

  // The sketch reads the call in a file that does not parse; parsed, nothing calls the module,
  // so it is a root module of its own, as it always was.
  @Test
  void aModuleCalledOnlyFromAFileThatDoesNotParseIsARootModule(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("admin-role"));
    Files.writeString(dir.resolve("admin-role/main.tf"), ADMIN_ROLE);
    Files.writeString(dir.resolve("main.tf"), """
        module "admin" {
          source = "./admin-role"
        }
        resource "aws_s3_bucket" "b" {
          bucket = "x" "y"
        }
        """);
    assertEquals(List.of(
        "ADM001 admin-role/main.tf aws_iam_role_policy_attachment.admin",
        "SYN001 main.tf main.tf"), judged(dir));
  }

  // Many root modules share one module: its tree is let go after the last of them, and each
  // still judges its own instance of it.
  @Test
  void aModuleSharedByManyRootModulesIsJudgedInEach(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("modules/admin-role"));
    Files.writeString(dir.resolve("modules/admin-role/main.tf"),
        "variable \"env\" {}\n" + TestScans.adminRole("\"deployer-${var.env}\""));
    for (int i = 0; i < 5; i++) {
      Files.createDirectories(dir.resolve("envs/e" + i));
      Files.writeString(dir.resolve("envs/e" + i + "/main.tf"), """
          module "admin" {
            source = "../../modules/admin-role"
            env    = "e%1$d"
          }
          module "again" {
            source = "../../modules/${"admin-role"}"
            env    = "again-e%1$d"
          }
          """.formatted(i));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add("AdministratorAccess is attached to role \"deployer-again-e" + i + "\" (module.again.aws_iam_role.role)");
      expected.add("AdministratorAccess is attached to role \"deployer-e" + i + "\" (module.admin.aws_iam_role.role)");
    }
    assertEquals(expected.stream().sorted().toList(),
        TestScans.findings(dir, "ADM001").stream().map(Finding::message).sorted().toList());
  }
}
