package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.ScanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nested stacks whose template is a local file of the scan: read with the values the parent
 * passes, as part of the parent's deployment; bounded when they include each other.
 */
class NestedStacksScanTest {
  @TempDir Path dir;

  private void write(String file, String text) throws IOException {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static final String ADMIN_ROLE = """
        AdminRole:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Statement:
                - Effect: Allow
                  Principal: { Service: ec2.amazonaws.com }
                  Action: sts:AssumeRole
            ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
      """;

  private static String nesting(String logicalId, String url) {
    return "  " + logicalId + ":\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: " + url + "\n";
  }

  private List<String> adm001(Path path) {
    return TestScans.findings(path, "ADM001").stream().map(f -> Path.of(f.location().file()).getFileName() + " " + f.resource().address()).sorted().toList();
  }

  @Test
  void aChildWithoutParentInTheScanUsesItsDefaults() throws IOException {
    write("child.yaml", "Parameters:\n  Arn:\n    Type: String\n    Default: arn:aws:iam::aws:policy/AdministratorAccess\n"
        + "Resources:\n  Users:\n    Type: AWS::IAM::Group\n    Properties:\n      ManagedPolicyArns: [!Ref Arn]\n");
    assertEquals(List.of("child.yaml Resources.Users"), adm001(dir));
    write("parent.yaml", "Resources:\n" + nesting("Team", "./child.yaml")
        + "      Parameters:\n        Arn: arn:aws:iam::aws:policy/ReadOnlyAccess\n");
    assertEquals(List.of(), adm001(dir), "the parent passes another policy: the default is never deployed");
  }

  /**
   * A stack whose URL ends as a scanned template's path does (the QuickStart layout,
   * {@code https://${Bucket}.s3.../${KeyPrefix}templates/child.yaml}) is not taken for that
   * template: such a template is often deployed on its own too (a solution's main template that
   * an "easy setup" template also nests under a condition), and judging it only through the
   * parent lost all its findings in public repositories. It stays judged on its own.
   */
  @Test
  void aTemplateAStackMayHaveUploadedIsStillJudgedOnItsOwn() throws IOException {
    write("templates/child.yaml", "Parameters:\n  Arn:\n    Type: String\n    Default: arn:aws:iam::aws:policy/AdministratorAccess\n"
        + "Resources:\n  Users:\n    Type: AWS::IAM::Group\n    Properties:\n      ManagedPolicyArns: [!Ref Arn]\n");
    write("templates/main.yaml", "Parameters:\n  Bucket:\n    Type: String\n  KeyPrefix:\n    Type: String\nResources:\n"
        + nesting("Team", "!Sub https://${Bucket}.s3.${AWS::Region}.${AWS::URLSuffix}/${KeyPrefix}templates/child.yaml")
        + "      Parameters:\n        Arn: arn:aws:iam::aws:policy/ReadOnlyAccess\n");
    assertEquals(List.of("child.yaml Resources.Users"), adm001(dir));
  }

  @Test
  @Timeout(20)
  void aTemplateThatNestsItselfIsReadOnce() throws IOException {
    write("self.yaml", "Resources:\n" + ADMIN_ROLE + nesting("Again", "./self.yaml"));
    assertEquals(List.of("self.yaml Resources.AdminRole"), adm001(dir));
    List<Finding> notes = TestScans.scan(dir, new ScanOptions(false, false, true, Map.of()), "CT001").findings();
    assertEquals(1, notes.size(), notes::toString);
    assertTrue(notes.get(0).message().contains("Resources.Again: a nested stack (AWS::CloudFormation::Stack) that is not read: "
        + "its template "), notes.get(0).message());
    assertTrue(notes.get(0).message().matches(".*self\\.yaml includes the stack that includes it \\(\\S*self\\.yaml > \\S*self\\.yaml\\).*"),
        notes.get(0).message());
  }

  @Test
  @Timeout(20)
  void templatesThatNestEachOtherAreEachJudgedOnceThroughTheOther() throws IOException {
    write("a.yaml", "Resources:\n" + ADMIN_ROLE + nesting("B", "b.yaml"));
    write("b.yaml", "Resources:\n" + ADMIN_ROLE + nesting("A", "a.yaml"));
    // a.yaml as a root nests b.yaml, which nests a.yaml again: that use is a cycle, not read.
    assertEquals(List.of("a.yaml Resources.A/Resources.AdminRole", "a.yaml Resources.AdminRole",
        "b.yaml Resources.AdminRole", "b.yaml Resources.B/Resources.AdminRole"), adm001(dir));
  }

  @Test
  @Timeout(20)
  void aChainDeeperThanTheLimitIsCut() throws IOException {
    for (int i = 0; i < 12; i++) {
      write("t" + i + ".yaml", "Resources:\n" + ADMIN_ROLE + (i < 11 ? nesting("Next", "t" + (i + 1) + ".yaml") : ""));
    }
    List<String> found = adm001(dir);
    assertEquals(9, found.size(), found::toString);
    assertTrue(found.stream().allMatch(f -> f.endsWith("Resources.AdminRole")), found::toString);
  }

  @Test
  @Timeout(20)
  void aFanOutIsBounded() throws IOException {
    StringBuilder stacks = new StringBuilder("Resources:\n" + ADMIN_ROLE);
    for (int i = 0; i < 30; i++) stacks.append(nesting("S" + i, "fan.yaml"));
    write("root.yaml", stacks.toString());
    write("fan.yaml", stacks.toString().replace("fan.yaml", "leaf.yaml"));
    write("leaf.yaml", "Resources:\n" + ADMIN_ROLE);
    // 1 + 30 + 30 * 30 uses would be 931: at most 256 nested uses are read under one root.
    assertEquals(257, adm001(dir).size());
  }

  @Test
  void aTemplateOutsideTheScannedDirectoryIsNotRead() throws IOException {
    write("outside/child.yaml", "Resources:\n" + ADMIN_ROLE);
    write("live/parent.yaml", "Resources:\n  Deployer:\n    Type: AWS::IAM::User\n" + nesting("Trail", "../outside/child.yaml"));
    assertEquals(List.of(), adm001(dir.resolve("live")));
    List<Finding> notes = TestScans.scan(dir.resolve("live"), new ScanOptions(false, false, true, Map.of()), "CT001").findings();
    assertTrue(notes.get(0).message().contains("Resources.Trail: a nested stack (AWS::CloudFormation::Stack) whose template is not read"),
        notes.toString());
  }

  @Test
  void aTrailInANestedStackIsTheParentsTrail() throws IOException {
    write("parent.yaml", "Resources:\n  Deployer:\n    Type: AWS::IAM::User\n" + nesting("Audit", "audit/trail.yaml"));
    write("audit/trail.yaml", "Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n"
        + "      IsLogging: true\n      S3BucketName: logs\n");
    assertEquals(List.of(), TestScans.findings(dir, "CT001"));
    assertEquals(List.of(), TestScans.scan(dir, new ScanOptions(false, false, true, Map.of()), "CT001").findings(),
        "nothing is left undecided");
    write("audit/trail.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
    assertEquals(1, TestScans.findings(dir, "CT001").size(), "the nested stack is read: it has no trail");
  }

  @Test
  void findingsInANestedStackPointAtTheStackThatNestsIt() throws IOException {
    write("parent.yaml", "Resources:\n" + nesting("Roles", "roles.yaml"));
    write("roles.yaml", "Resources:\n" + ADMIN_ROLE);
    List<Finding> found = TestScans.findings(dir, "ADM001");
    assertEquals(1, found.size(), found::toString);
    assertEquals("through this nested stack", found.get(0).related().get(0).message());
    assertEquals("parent.yaml", Path.of(found.get(0).related().get(0).location().file()).getFileName().toString());
    assertEquals(2, found.get(0).related().get(0).location().startLine());
  }

  private static final String ADMIN_POLICY_FROM_OUTPUT = """
        Policy:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Action: !GetAtt C.Outputs.O
                  Resource: '*'
      """;

  @Test
  @Timeout(20)
  void anOutputReadManyTimesThroughNestedStacksIsEvaluatedOnceEachUse() throws IOException {
    // Each level's output reads its child's output 14 times: evaluated anew each time, 14^8 evaluations.
    String reads = String.join(", ", Collections.nCopies(14, "!GetAtt C.Outputs.O"));
    for (int i = 0; i < 8; i++) {
      write("t" + i + ".yaml", "Resources:\n" + (i == 0 ? ADMIN_POLICY_FROM_OUTPUT : "")
          + "  C:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: t" + (i + 1) + ".yaml\n"
          + "Outputs:\n  O:\n    Value: !Select [0, [" + reads + "]]\n");
    }
    write("t8.yaml", "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\nOutputs:\n  O:\n    Value: '*'\n");
    List<Finding> found = TestScans.findings(dir, "ADM003");
    assertEquals(1, found.size(), found::toString);
    assertEquals("t0.yaml", Path.of(found.get(0).location().file()).getFileName().toString());
  }

  /** A loop of loops over {@code n} x {@code n} names, each generating {@code body} with {@code ${A}${B}} in it. */
  private static String loopOfLoops(int n, String body) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) names.add("N" + i);
    String list = "[" + String.join(", ", names) + "]";
    return "Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Outer:\n    - A\n    - " + list + "\n"
        + "    - Fn::ForEach::Inner:\n        - B\n        - " + list + "\n        - " + body + "\n";
  }

  @Test
  @Timeout(120)
  void loopsOfNestedStacksOverLoopsShareOneLimitPerRootStack() throws IOException {
    // 256 uses of a child whose loops generate 4,900 users each: 1.25 million users, each a finding.
    write("parent.yaml", loopOfLoops(16, "{'Stack${A}${B}': {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: child.yaml}}}"));
    write("child.yaml", loopOfLoops(70, "{'User${A}${B}': {Type: AWS::IAM::User, "
        + "Properties: {ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]}}}"));
    write("other.yaml", "Resources:\n" + ADMIN_ROLE);
    List<String> found = adm001(dir);
    assertTrue(found.size() <= 10_001, () -> found.size() + " findings");
    assertTrue(found.contains("other.yaml Resources.AdminRole"), "another file is still judged");
    List<Finding> limits = TestScans.findings(dir, "SYN001").stream()
        .filter(f -> f.message().contains("loops generating more than 10,000 entries")).toList();
    assertTrue(!limits.isEmpty(), "the limit is reported");
    assertEquals("child.yaml", Path.of(limits.get(0).location().file()).getFileName().toString());
    assertEquals(3, limits.get(0).location().startLine());
  }

  @Test
  void aChildOfATemplateThatNestsItselfIsJudgedThroughItOnly() throws IOException {
    write("child.yaml", "Parameters:\n  Name:\n    Type: String\n    Default: '*'\nResources:\n  Policy:\n"
        + "    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n"
        + "          - {Effect: Allow, Action: !Ref Name, Resource: '*'}\n");
    String parent = "Parameters:\n  Depth:\n    Type: Number\n    Default: 0\n  Given:\n    Type: String\n"
        + "Conditions:\n  Recurse: !Equals [!Ref Depth, 1]\nResources:\n" + nesting("Child", "child.yaml")
        + "      Parameters:\n        Name: %s\n";
    String self = "  Self:\n    Type: AWS::CloudFormation::Stack\n    Condition: Recurse\n    Properties:\n"
        + "      TemplateURL: parent.yaml\n";
    for (String name : List.of("s3:GetObject", "!Ref Given")) {
      write("parent.yaml", parent.formatted(name));
      assertEquals(List.of(), TestScans.findings(dir, "ADM003", "ADM006"), name);
      // Nesting itself, even under a condition that is false, leaves the child nested by it alone.
      write("parent.yaml", parent.formatted(name) + self);
      assertEquals(List.of(), TestScans.findings(dir, "ADM003", "ADM006"), name + ", the parent nesting itself");
    }
  }
}
