package dev.iamlint.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configurations whose evaluation would take gigabytes or never end. Each is cut by a budget:
 * the value is unknown with the reason, one located SYN001 says which limit was reached, and the
 * canary beside it (an AdministratorAccess attachment, ADM001) is judged as usual. The budgets
 * themselves are documented in the README ("Limits") and in SECURITY.md.
 */
class EvaluationLimitsTest {
  @TempDir
  Path dir;

  private static final String CANARY_TF = """
      resource "aws_iam_role" "canary" {
        name               = "canary"
        assume_role_policy = "{}"
      }

      resource "aws_iam_role_policy_attachment" "canary" {
        role       = aws_iam_role.canary.name
        policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
      }
      """;

  /** A Terraform module: the hostile main.tf and the canary beside it, in the same module. */
  private HostileScan.Run scanModule(String main) throws IOException, InterruptedException {
    Files.writeString(dir.resolve("main.tf"), main);
    Files.writeString(dir.resolve("canary.tf"), CANARY_TF);
    HostileScan.Run run = HostileScan.scan(dir);
    run.assertNoInternalError();
    assertEquals(1, run.exit(), run.stdout());
    assertEquals(1, run.at("ADM001", "canary.tf", 8).size(), "the canary is judged: " + run.stdout());
    return run;
  }

  /** The SYN001 notes of a file: at least one, every one saying which limit was reached. */
  private static List<String> limitNotes(HostileScan.Run run, String file) {
    List<String> notes = run.lines("SYN001").stream().filter(l -> l.startsWith(file + ":")).toList();
    assertFalse(notes.isEmpty(), "a located note in " + file + ": " + run.stdout());
    for (String n : notes) assertTrue(n.contains("limit exceeded: evaluation"), n);
    assertEquals(notes.size(), run.lines("SYN001").size(), "notes only where the limit was reached: " + run.stdout());
    return notes;
  }

  @Test
  void nestedForExpressionsOverRange1024ThreeDeep() throws Exception {
    // 1024^3 strings: 6.2 GB and more than 92 s before the budgets.
    HostileScan.Run run = scanModule("""
        locals {
          r = range(1024)
          x = [for a in local.r : [for b in local.r : [for c in local.r : "${a}-${b}-${c}"]]]
        }

        resource "aws_iam_user" "u" {
          name = "u${length(local.x)}"
        }
        """);
    List<String> notes = limitNotes(run, "main.tf");
    assertTrue(notes.stream().allMatch(n -> n.startsWith("main.tf:3:")), notes.toString());
  }

  @Test
  void aListDoubledFortyTimesWithConcat() throws Exception {
    // 2^40 elements: 3.5 GB and more than 30 s before the budgets. The first list past
    // 100,000 elements is local.l17.
    StringBuilder main = new StringBuilder("locals {\n  l0 = [\"a\"]\n");
    for (int i = 1; i <= 40; i++) main.append("  l").append(i).append(" = concat(local.l").append(i - 1).append(", local.l").append(i - 1).append(")\n");
    main.append("}\n\nresource \"aws_iam_user\" \"u\" {\n  name = \"u${length(local.l40)}\"\n}\n");
    HostileScan.Run run = scanModule(main.toString());
    List<String> notes = limitNotes(run, "main.tf");
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("main.tf:19:"), notes.get(0));
    assertTrue(notes.get(0).contains("more than 100,000 elements"), notes.get(0));
  }

  @Test
  void aStringDoubledFortyTimes() throws Exception {
    // 2^41 characters: an OutOfMemoryError (exit 2) before the budgets.
    StringBuilder main = new StringBuilder("locals {\n  s0 = \"ab\"\n");
    for (int i = 1; i <= 40; i++) main.append("  s").append(i).append(" = \"${local.s").append(i - 1).append("}${local.s").append(i - 1).append("}\"\n");
    main.append("}\n\nresource \"aws_iam_user\" \"u\" {\n  name = local.s40\n}\n");
    HostileScan.Run run = scanModule(main.toString());
    List<String> notes = limitNotes(run, "main.tf");
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).contains("characters"), notes.get(0));
  }

  @Test
  void aTupleDoubledSixtyTimesBySharing() throws Exception {
    // Each level holds the previous one twice: cheap to build, 2^60 elements to whoever walks it.
    StringBuilder main = new StringBuilder("locals {\n  t0 = [\"a\"]\n");
    for (int i = 1; i <= 60; i++) main.append("  t").append(i).append(" = [local.t").append(i - 1).append(", local.t").append(i - 1).append("]\n");
    main.append("}\n\nresource \"aws_iam_user\" \"u\" {\n  name = \"u\"\n  tags = { all = jsonencode(local.t60) }\n}\n\n")
        .append("resource \"aws_iam_user\" \"v\" {\n  name = \"v\"\n  tags = local.t60\n}\n");
    HostileScan.Run run = scanModule(main.toString());
    // Each cut leaves a small unknown, which doubles again: every cut is a place of its own.
    List<String> notes = limitNotes(run, "main.tf");
    assertTrue(notes.stream().allMatch(n -> n.contains("elements in all")), notes.toString());
  }

  @Test
  void valuesJustUnderEveryLimitAreEvaluated() throws Exception {
    // 100,000 elements, 2^22 characters, a list nested 250 deep, 990 additions: no limit is reached.
    StringBuilder main = new StringBuilder("locals {\n  thousand = range(1000)\n");
    main.append("  list = concat(").append(String.join(", ", java.util.Collections.nCopies(100, "local.thousand"))).append(")\n");
    main.append("  s0 = \"ab\"\n");
    for (int i = 1; i <= 21; i++) main.append("  s").append(i).append(" = \"${local.s").append(i - 1).append("}${local.s").append(i - 1).append("}\"\n");
    main.append("  sum = ").append(String.join(" + ", java.util.Collections.nCopies(990, "1"))).append("\n");
    main.append("  deep = ").append("[".repeat(250)).append("\"x\"").append("]".repeat(250)).append("\n}\n\n");
    main.append("resource \"aws_iam_user\" \"u\" {\n  name = \"u-${length(local.list)}-${length(local.s21)}-${local.sum}\"\n")
        .append("  tags = { deep = jsonencode(local.deep) }\n}\n");
    HostileScan.Run run = scanModule(main.toString());
    assertEquals(List.of(), run.lines("SYN001"), run.stdout());
    // The values are known: the user's name is reported with them.
    assertTrue(run.stdout().contains("\"u-100000-4194304-990\""), run.stdout());
  }

  @Test
  void aMillionElementExpressionEvaluatedForEachInstance() throws Exception {
    // 1,000 instances each evaluating a million elements: 2.1 GB before the budgets.
    HostileScan.Run run = scanModule("""
        locals {
          keys = toset([for i in range(1000) : tostring(i)])
        }

        resource "aws_iam_user" "u" {
          for_each = local.keys
          name     = "u${each.key}"
          tags = {
            n = length(flatten([for a in range(1000) : [for b in range(1000) : b]]))
          }
        }
        """);
    List<String> notes = limitNotes(run, "main.tf");
    assertTrue(notes.stream().allMatch(n -> n.startsWith("main.tf:9:")), notes.toString());
  }

  @Test
  void aValueCutByALimitIsNotDecidedNeverCertain() throws Exception {
    // The attached policy is the first element of a list past the limit: it may be anything,
    // AdministratorAccess included. Never a certain finding; with --report-unknown, a note says why.
    StringBuilder main = new StringBuilder("locals {\n  l0 = [\"arn:aws:iam::aws:policy/AdministratorAccess\"]\n");
    for (int i = 1; i <= 17; i++) main.append("  l").append(i).append(" = concat(local.l").append(i - 1).append(", local.l").append(i - 1).append(")\n");
    main.append("}\n\nresource \"aws_iam_role_policy_attachment\" \"cut\" {\n  role       = aws_iam_role.canary.name\n")
        .append("  policy_arn = local.l17[0]\n}\n");
    HostileScan.Run run = scanModule(main.toString());
    assertEquals(List.of(), run.lines("ADM001").stream().filter(l -> l.startsWith("main.tf:")).toList(), run.stdout());

    HostileScan.Run unknown = HostileScan.scan(dir, "--report-unknown");
    List<String> undecided = unknown.lines("ADM001").stream().filter(l -> l.startsWith("main.tf:")).toList();
    assertEquals(1, undecided.size(), unknown.stdout());
    assertTrue(undecided.get(0).contains("note: [ADM001] Not decided whether the policy attached to")
        && undecided.get(0).contains("evaluation limit: a list of more than 100,000 elements"), undecided.get(0));
  }

  @Test
  void aLongStringBuiltAgainForEachInstance() throws Exception {
    // Two million characters built for each of a thousand instances: out of memory before the budgets.
    StringBuilder main = new StringBuilder("locals {\n  s0 = \"ab\"\n");
    for (int i = 1; i <= 20; i++) main.append("  s").append(i).append(" = \"${local.s").append(i - 1).append("}${local.s").append(i - 1).append("}\"\n");
    main.append("  keys = toset([for i in range(1000) : tostring(i)])\n}\n\n")
        .append("resource \"aws_iam_user\" \"u\" {\n  for_each = local.keys\n  name     = \"u${each.key}\"\n")
        .append("  tags     = { big = \"${each.key}${local.s20}\" }\n}\n");
    HostileScan.Run run = scanModule(main.toString());
    List<String> notes = limitNotes(run, "main.tf");
    assertTrue(notes.stream().allMatch(n -> n.startsWith("main.tf:29:") && n.contains("steps")), notes.toString());
  }

  @Test
  void aChainOfLocalsDeeperThanTheEvaluatorNests() throws Exception {
    StringBuilder main = new StringBuilder("locals {\n  d0 = \"x\"\n");
    for (int i = 1; i <= 2000; i++) main.append("  d").append(i).append(" = local.d").append(i - 1).append("\n");
    main.append("}\n\nresource \"aws_iam_user\" \"u\" {\n  name = local.d2000\n}\n");
    HostileScan.Run run = scanModule(main.toString());
    limitNotes(run, "main.tf");
  }

  @Test
  void aRegularExpressionThatBacktracks() throws Exception {
    // Java's matcher backtracks where Terraform's (RE2) does not: 54 s for thirty characters.
    HostileScan.Run run = scanModule("resource \"aws_iam_user\" \"u\" {\n  name = regex(\"((a+)+)+$\", \""
        + "a".repeat(30) + "!\")\n}\n");
    List<String> notes = limitNotes(run, "main.tf");
    assertTrue(notes.get(0).startsWith("main.tf:2:") && notes.get(0).contains("regular expression"), notes.toString());
  }

  @Test
  void aNumberSquaredFortyTimesAndAnExponentOfABillion() throws Exception {
    // 11 * 2^40 digits (more than 60 s), and an addition that would write out a billion digits (exit 2).
    StringBuilder main = new StringBuilder("locals {\n  n0 = 12345678901\n");
    for (int i = 1; i <= 40; i++) main.append("  n").append(i).append(" = local.n").append(i - 1).append(" * local.n").append(i - 1).append("\n");
    main.append("  big = 1e999999999 + 1\n}\n\nresource \"aws_iam_user\" \"u\" {\n  name = \"u${local.n40}${local.big}\"\n}\n");
    HostileScan.Run run = scanModule(main.toString());
    List<String> notes = limitNotes(run, "main.tf");
    // The squares; the literal of a billion digits is out of the range numbers are read in (an unknown value).
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("main.tf:12:") && notes.get(0).contains("digits"), notes.toString());
  }

  @Test
  void aYamlAliasBombDecoded() throws Exception {
    // Twenty-four aliases, each doubling the one before: 2^24 lists of a thousand once decoded.
    StringBuilder bomb = new StringBuilder("a0: &a0 [" + String.join(",", java.util.Collections.nCopies(1000, "x")) + "]\n");
    for (int i = 1; i <= 24; i++) bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    Files.writeString(dir.resolve("bomb.yaml"), bomb.toString());
    HostileScan.Run run = scanModule("resource \"aws_iam_user\" \"u\" {\n"
        + "  name = \"u${length(flatten(values(yamldecode(file(\"${path.module}/bomb.yaml\")))))}\"\n}\n");
    List<String> notes = limitNotes(run, "main.tf");
    assertTrue(notes.get(0).contains("elements in all"), notes.toString());
  }

  // ---- CloudFormation ----

  private static final String CANARY_RESOURCE = """
        Canary:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Statement:
                - Effect: Allow
                  Principal: { Service: ec2.amazonaws.com }
                  Action: sts:AssumeRole
            ManagedPolicyArns:
              - arn:aws:iam::aws:policy/AdministratorAccess
      """;

  /**
   * A template whose {@code Hostile} resource is cut, with a canary role in the same template and
   * another template beside it: both canaries are judged.
   */
  private HostileScan.Run scanTemplate(String parameters, String userName) throws IOException, InterruptedException {
    String template = "AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n" + parameters + "Resources:\n"
        + CANARY_RESOURCE + "  Hostile:\n    Type: AWS::IAM::User\n    Properties:\n      UserName: " + userName + "\n";
    Files.writeString(dir.resolve("hostile.yaml"), template);
    Files.writeString(dir.resolve("canary.yaml"), "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n" + CANARY_RESOURCE);
    HostileScan.Run run = HostileScan.scan(dir);
    run.assertNoInternalError();
    assertEquals(1, run.exit(), run.stdout());
    assertEquals(1, run.lines("ADM001").stream().filter(l -> l.startsWith("canary.yaml:")).count(), run.stdout());
    assertEquals(1, run.lines("ADM001").stream().filter(l -> l.startsWith("hostile.yaml:")).count(), run.stdout());
    return run;
  }

  @Test
  void aJoinWhoseDelimiterIsRepeatedFiftyThousandTimes() throws Exception {
    // 50,000 items joined by a 100,000-character delimiter: 5 * 10^9 characters.
    HostileScan.Run run = scanTemplate("  Sep:\n    Type: String\n    Default: \"" + "s".repeat(100_000) + "\"\n"
        + "  Items:\n    Type: String\n    Default: \"" + ",".repeat(50_000) + "\"\n",
        "!Join [!Ref Sep, !Split [\",\", !Ref Items]]");
    List<String> notes = limitNotes(run, "hostile.yaml");
    assertTrue(notes.stream().allMatch(n -> n.contains("characters")), notes.toString());
  }

  @Test
  void parameterDefaultsThatDoubleEachOther() throws Exception {
    // Each default joins the previous parameter twice: evaluated again at each reference.
    StringBuilder parameters = new StringBuilder("  P0:\n    Type: String\n    Default: \"" + "x".repeat(1000) + "\"\n");
    for (int i = 1; i <= 40; i++) {
      parameters.append("  P").append(i).append(":\n    Type: String\n    Default: !Join [\"\", [!Ref P").append(i - 1)
          .append(", !Ref P").append(i - 1).append("]]\n");
    }
    HostileScan.Run run = scanTemplate(parameters.toString(), "!Ref P40");
    limitNotes(run, "hostile.yaml");
  }

  @Test
  void aSubThatRepeatsAVariableTenThousandTimes() throws Exception {
    HostileScan.Run run = scanTemplate("  Big:\n    Type: String\n    Default: \"" + "b".repeat(100_000) + "\"\n",
        "!Sub [\"" + "${X}".repeat(10_000) + "\", {X: !Ref Big}]");
    limitNotes(run, "hostile.yaml");
  }

  // ---- CloudFormation language extensions ----

  /** A template whose loop {@code loop} (an entry of Resources) is cut, with the canary in it and beside it. */
  private HostileScan.Run scanLoop(String parameters, String loop) throws IOException, InterruptedException {
    String template = "AWSTemplateFormatVersion: \"2010-09-09\"\nTransform: AWS::LanguageExtensions\nParameters:\n" + parameters
        + "Resources:\n" + CANARY_RESOURCE + loop;
    Files.writeString(dir.resolve("hostile.yaml"), template);
    Files.writeString(dir.resolve("canary.yaml"), "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n" + CANARY_RESOURCE);
    HostileScan.Run run = HostileScan.scan(dir);
    run.assertNoInternalError();
    assertEquals(1, run.exit(), run.stdout());
    assertEquals(1, run.lines("ADM001").stream().filter(l -> l.startsWith("canary.yaml:")).count(), run.stdout());
    assertEquals(1, run.lines("ADM001").stream().filter(l -> l.startsWith("hostile.yaml:")).count(), run.stdout());
    return run;
  }

  private static final String ADMIN_USER_BODY = """
              Type: AWS::IAM::User
              Properties:
                ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
      """;

  @Test
  void aLoopOverAMillionItems() throws Exception {
    HostileScan.Run run = scanLoop("  Items:\n    Type: String\n    Default: \"" + ",".repeat(1_000_000) + "\"\n",
        "  Fn::ForEach::Users:\n    - Name\n    - !Split [\",\", !Ref Items]\n    - User${Name}:\n" + ADMIN_USER_BODY);
    List<String> notes = limitNotes(run, "hostile.yaml");
    assertTrue(notes.stream().allMatch(n -> n.contains("elements")), notes.toString());
  }

  @Test
  void nestedLoopsOfAThousandItemsEach() throws Exception {
    String thousand = String.join(",", java.util.stream.IntStream.range(0, 1000).mapToObj(Integer::toString).toList());
    HostileScan.Run run = scanLoop("  Items:\n    Type: CommaDelimitedList\n    Default: \"" + thousand + "\"\n",
        "  Fn::ForEach::Outer:\n    - X\n    - !Ref Items\n    - Fn::ForEach::Inner:\n        - Y\n        - !Ref Items\n"
        + "        - User${X}x${Y}:\n" + ADMIN_USER_BODY.replace("        ", "            "));
    List<String> notes = limitNotes(run, "hostile.yaml");
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).contains("loops generating more than 10,000 entries"), notes.toString());
  }
}
