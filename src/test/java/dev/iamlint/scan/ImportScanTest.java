package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.ScanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CloudFormation templates of one scan that refer to each other through exports: an import
 * designates the exporting template's element, and an import that does not resolve stays unknown.
 */
class ImportScanTest {

  /** A user whose name is generated, exported by its Ref, with AdministratorAccess. */
  private static final String USERS = """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Deployer:
          Type: AWS::IAM::User
          Properties:
            ManagedPolicyArns:
              - arn:aws:iam::aws:policy/AdministratorAccess
      Outputs:
        DeployerName:
          Value: !Ref Deployer
          Export: { Name: %s }
      """;

  /** Another template: an access key and a policy for the imported user. */
  private static final String APP = """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        DeployerKey:
          Type: AWS::IAM::AccessKey
          Properties:
            UserName: !ImportValue users-Deployer
        ReadOnly:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            Users: [!ImportValue users-Deployer]
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Action: s3:GetObject
                  Resource: "*"
      """;

  private static Path project(Path dir, String exportName) throws IOException {
    Files.writeString(dir.resolve("users.yaml"), USERS.formatted(exportName));
    Files.writeString(dir.resolve("app.yaml"), APP);
    return dir;
  }

  // The access key created in another template makes the user's AdministratorAccess critical.
  @Test
  void anAccessKeyForAnImportedUserMakesItsAdministratorAccessCritical(@TempDir Path dir) throws IOException {
    assertEquals(List.of("AdministratorAccess is attached to user Resources.Deployer: the user has console access or an access key"),
        messages(TestScans.findings(project(dir, "users-Deployer"), "ADM001")));
  }

  // Near miss: the export's name holds the stack name, known only at deploy: the import may name
  // another stack's user, so the key is not this user's.
  @Test
  void anExportNamedAfterTheStackIsNotMatched(@TempDir Path dir) throws IOException {
    assertEquals(List.of("AdministratorAccess is attached to user Resources.Deployer"),
        messages(TestScans.findings(project(dir, "!Sub \"${AWS::StackName}-Deployer\""), "ADM001")));
  }

  @Test
  void aPolicyAttachedToAnImportedUserNamesItsTemplate(@TempDir Path dir) throws IOException {
    assertEquals(List.of("Policy Resources.ReadOnly is attached directly to user Resources.Deployer of "
        + dir.getFileName() + "/users.yaml: attach it to a group the user belongs to",
        "Policy \"arn:aws:iam::aws:policy/AdministratorAccess\" is attached directly to user Resources.Deployer: attach it to "
        + "a group the user belongs to"),
        messages(TestScans.findings(project(dir, "users-Deployer"), "USR002")));
  }

  // An export defined twice: which one the import gets is not known. Nothing certain; with
  // --report-unknown, a note at the import that says why.
  @Test
  void anExportDefinedTwiceIsNotDecided(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Topic:
            Type: AWS::SNS::Topic
        Outputs:
          Admin:
            Value: arn:aws:iam::aws:policy/AdministratorAccess
            Export: { Name: shared-PolicyArn }
        """);
    Files.writeString(dir.resolve("b.yaml"), Files.readString(dir.resolve("a.yaml")).replace("Administrator", "ReadOnly"));
    Files.writeString(dir.resolve("role.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - { Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }
              ManagedPolicyArns:
                - !ImportValue shared-PolicyArn
        """);
    assertEquals(List.of(), TestScans.findings(dir, "ADM001"));
    List<Finding> notes = TestScans.scan(dir, new ScanOptions(false, false, true, Map.of()), "ADM001").findings();
    String d = dir.getFileName().toString();
    assertEquals(List.of("Not decided whether the policy attached to role Resources.Role is AdministratorAccess: export "
        + "\"shared-PolicyArn\" is defined by 2 outputs (" + d + "/a.yaml line 8, " + d + "/b.yaml line 8): which one is "
        + "imported is not known"), messages(notes));
    assertEquals(10, notes.get(0).location().startLine());
  }

  // A template scanned alone, or exports that import each other: unknown, never a crash.
  @Test
  void unresolvableImportsStayUnknown(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("app.yaml"), APP);
    assertEquals(List.of("AdministratorAccess is attached to user Resources.Deployer"),
        messages(TestScans.findings(project(dir, "users-Other"), "ADM001")));
    Files.writeString(dir.resolve("circle.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              ManagedPolicyArns: [!ImportValue b]
        Outputs:
          A:
            Value: !ImportValue b
            Export: { Name: a }
          B:
            Value: !ImportValue a
            Export: { Name: b }
        """);
    assertEquals(List.of(), TestScans.findings(dir.resolve("circle.yaml"), "ADM001"));
    List<Finding> notes = TestScans.scan(dir.resolve("circle.yaml"), new ScanOptions(false, false, true, Map.of()), "ADM001")
        .findings();
    assertEquals(List.of("Not decided whether the policy attached to role Resources.Role is AdministratorAccess: "
        + "exports \"a\", \"b\" import each other in a circle (from imported export \"b\" (circle.yaml:13))"),
        messages(notes));
  }

  private static List<String> messages(List<Finding> findings) {
    return findings.stream().map(Finding::message).toList();
  }
}
