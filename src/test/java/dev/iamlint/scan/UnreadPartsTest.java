package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A part of a deployment iamlint cannot read (a module that is not installed, a nested stack, a
 * loop or macro it does not expand) may define what a project-level rule finds missing: the
 * absence is then not decided, never a certain finding.
 */
class UnreadPartsTest {
  @TempDir Path dir;

  private void write(String file, String text) throws IOException {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static final String ROOT = """
      provider "aws" {
        region = "eu-west-1"
      }
      resource "aws_iam_user" "deploy" {
        name = "deploy"
      }
      module "audit" {
        source  = "cloudposse/cloudtrail/aws"
        version = "0.24.0"
      }
      """;

  private List<Finding> undecided(String rule) {
    return TestScans.scan(dir, new ScanOptions(false, false, true, Map.of()), rule).findings();
  }

  @Test
  void aModuleThatIsNotInstalledMayDefineTheTrail() throws IOException {
    write("main.tf", ROOT);
    assertEquals(List.of(), TestScans.findings(dir, "CT001"));
    List<Finding> notes = undecided("CT001");
    assertEquals(1, notes.size(), notes::toString);
    assertEquals(Severity.INFO, notes.get(0).severity());
    assertEquals(4, notes.get(0).location().startLine());
    assertTrue(notes.get(0).message().contains(
        "module.audit: source \"cloudposse/cloudtrail/aws\" is not installed (run terraform init)"), notes.get(0).message());
  }

  @Test
  void anInstalledModuleIsReadAndJudged() throws IOException {
    write("main.tf", ROOT);
    write(".terraform/modules/modules.json", "{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"},"
        + "{\"Key\":\"audit\",\"Source\":\"registry.terraform.io/cloudposse/cloudtrail/aws\",\"Dir\":\".terraform/modules/audit\"}]}");
    write(".terraform/modules/audit/main.tf", "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n");
    List<Finding> found = TestScans.findings(dir, "CT001");
    assertEquals(1, found.size(), "the installed module defines no trail: " + found);

    write(".terraform/modules/audit/main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  name = \"org\"\n  s3_bucket_name = \"logs\"\n}\n");
    assertEquals(List.of(), TestScans.findings(dir, "CT001"), "the installed module defines the trail");
  }

  @Test
  void aLocalModuleOutsideTheScanRootIsUnread() throws IOException {
    write("live/main.tf", ROOT.replace("cloudposse/cloudtrail/aws", "../../shared/trail").replace("version = \"0.24.0\"", ""));
    Path live = dir.resolve("live");
    assertEquals(List.of(), TestScans.findings(live, "CT001"));
  }

  @Test
  void aReusableModulesUnreadCallsDoNotDecideForTheProject() throws IOException {
    // A library (no provider configuration) is not an account: its own unread calls change nothing.
    write("main.tf", ROOT.replace("provider \"aws\" {\n  region = \"eu-west-1\"\n}\n", ""));
    assertEquals(List.of(), TestScans.findings(dir, "CT001"));
    assertEquals(List.of(), undecided("CT001"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      AWS::CloudFormation::Stack       | TemplateURL: https://example.com/trail.yaml | Resources.Audit: a nested stack (AWS::CloudFormation::Stack) whose template is not read
      AWS::Serverless::Application     | Location: ./trail/template.yaml             | Resources.Audit: a nested stack (AWS::Serverless::Application) whose template is not read
      AWS::CloudFormation::StackSet    | PermissionModel: SERVICE_MANAGED            | Resources.Audit: a nested stack (AWS::CloudFormation::StackSet) whose template is not read
      """)
  void aNestedStackMayDefineTheTrail(String type, String property, String what) throws IOException {
    write("template.yaml", """
        Resources:
          Deployer:
            Type: AWS::IAM::User
          Audit:
            Type: %s
            Properties:
              %s
        """.formatted(type, property));
    assertEquals(List.of(), TestScans.findings(dir, "CT001"));
    List<Finding> notes = undecided("CT001");
    assertEquals(1, notes.size(), notes::toString);
    assertTrue(notes.get(0).message().contains(what), notes.get(0).message());
  }

  @Test
  void aMacroOrALoopMayAddTheTrailButTheKnownTransformsDoNot() throws IOException {
    String body = """
        Resources:
          Deployer:
            Type: AWS::IAM::User
        """;
    write("template.yaml", "Transform: AWS::Serverless-2016-10-31\n" + body);
    assertEquals(1, TestScans.findings(dir, "CT001").size(), "SAM adds no trail");
    write("template.yaml", "Transform: [AWS::LanguageExtensions, MyCompanyAudit]\n" + body);
    assertEquals(List.of(), TestScans.findings(dir, "CT001"));
    assertTrue(undecided("CT001").get(0).message().contains("Transform MyCompanyAudit: a macro that may add resources"));
    write("template.yaml", "Transform: AWS::LanguageExtensions\n" + body + """
          Fn::ForEach::Trails:
            - Name
            - [a, b]
            - Trail${Name}:
                Type: AWS::CloudTrail::Trail
        """);
    assertEquals(List.of(), TestScans.findings(dir, "CT001"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      PWD001, 'resource "aws_iam_user_login_profile" "deploy" {\n  user = aws_iam_user.deploy.name\n}\n'
      MON001, 'resource "aws_cloudtrail" "t" {\n  name = "t"\n  s3_bucket_name = "logs"\n}\n'
      """)
  void otherProjectLevelAbsencesAreNotDecidedEither(String rule, String extra) throws IOException {
    write("main.tf", ROOT + extra.replace("\\n", "\n"));
    assertEquals(List.of(), TestScans.findings(dir, rule));
    assertEquals(1, undecided(rule).size());
    Files.delete(dir.resolve("main.tf"));
    write("main.tf", ROOT.replace("module \"audit\" {\n  source  = \"cloudposse/cloudtrail/aws\"\n  version = \"0.24.0\"\n}\n", "")
        + extra.replace("\\n", "\n"));
    assertEquals(1, TestScans.findings(dir, rule).size(), "without the unread module the absence is certain");
  }

  @Test
  void aTemplateUnderACookiecutterPlaceholderIsNotAnAccount() throws IOException {
    write("{{ cookiecutter.project_slug }}/template.yaml", """
        Resources:
          Deployer:
            Type: AWS::IAM::User
        """);
    assertEquals(List.of(), TestScans.findings(dir, "CT001"));
    assertEquals(1, TestScans.findings(dir, "USR003").size(), "its IAM is still judged");
    write("{{ cookiecutter.project_slug }}/template.yaml", "");
    write("app/template.yaml", """
        Resources:
          Deployer:
            Type: AWS::IAM::User
        """);
    assertEquals(1, TestScans.findings(dir, "CT001").size());
  }
}
