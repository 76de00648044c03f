package dev.iamlint.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import dev.iamlint.scan.ScanRequest;
import dev.iamlint.scan.ScanResult;
import dev.iamlint.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator end to end: a module written to a temporary directory, scanned, and the
 * findings stated as {@code RULE file:line address} lines.
 */
class TerraformEvaluationTest {
  @TempDir
  Path dir;

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private ScanResult scanResult(Map<String, String> vars, List<Path> varFiles, Map<String, String> env, String... rules) {
    ScanRequest request = new ScanRequest(dir, List.of(dir), Map.of(), vars, varFiles, env, "aws",
        new RuleSelector(List.of(rules), List.of()), Severity.INFO, ScanOptions.DEFAULT,
        p -> false, 1);
    return new Scanner().scan(request);
  }

  private List<String> scan(String... rules) {
    return lines(scanResult(Map.of(), List.of(), Map.of(), rules).findings());
  }

  /** The findings of {@code rules} with the undecided ones (--report-unknown). */
  private List<Finding> withUndecided(String... rules) {
    ScanRequest asked = new ScanRequest(dir, List.of(dir), Map.of(), Map.of(), List.of(), Map.of(), "aws",
        new RuleSelector(List.of(rules), List.of()), Severity.INFO,
        new ScanOptions(false, false, true, Map.of()), p -> false, 1);
    return new Scanner().scan(asked).findings();
  }

  private static List<String> lines(List<Finding> findings) {
    return findings.stream().map(f -> f.ruleId() + " " + f.location().file() + ":" + f.location().startLine() + " "
        + f.resource().address()).toList();
  }

  private static final String ADMIN_ATTACHMENT = """
      resource "aws_iam_role_policy_attachment" "a" {
        role       = "ci"
        policy_arn = var.policy
      }
      """;

  @Test
  void variablePrecedenceDefaultThenTfvarsThenAutoThenVarFileThenVar() throws IOException {
    write("main.tf", ADMIN_ATTACHMENT + """
        variable "policy" {
          default = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        }
        """);
    assertEquals(List.of(), scan("ADM001"), "the default is not admin");
    write("terraform.tfvars", "policy = \"arn:aws:iam::aws:policy/AdministratorAccess\"\n");
    assertEquals(List.of("ADM001 main.tf:3 aws_iam_role_policy_attachment.a"), scan("ADM001"));
    write("b.auto.tfvars", "policy = \"arn:aws:iam::aws:policy/ReadOnlyAccess\"\n");
    assertEquals(List.of(), scan("ADM001"), "auto.tfvars wins over terraform.tfvars");
    Path varFile = dir.resolve("admin.tfvars");
    Files.writeString(varFile, "policy = \"arn:aws-us-gov:iam::aws:policy/AdministratorAccess\"\n");
    assertEquals(1, scanResult(Map.of(), List.of(varFile), Map.of(), "ADM001").findings().size(), "--var-file wins");
    assertEquals(0, scanResult(Map.of("policy", "arn:aws:iam::aws:policy/ReadOnlyAccess"), List.of(varFile), Map.of(),
        "ADM001").findings().size(), "--var wins over --var-file");
  }

  /**
   * A {@code for} over a map or an object runs in key order, as Terraform iterates it: the
   * instance that attaches AdministratorAccess is pair[0] (admin sorts first), not pair[1] as
   * written (found on a public repository: a suppression by address hit another instance).
   */
  @Test
  void aForOverAMapRunsInKeyOrder() throws IOException {
    write("main.tf", """
        locals {
          role_policies = {
            readonly = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
            admin    = ["arn:aws:iam::aws:policy/AdministratorAccess"]
          }
          pairs = flatten([for role, arns in local.role_policies : [for arn in arns : { role = role, arn = arn }]])
          first = [for k, v in { zeta = "arn:aws:iam::aws:policy/AdministratorAccess", alpha = "x" } : v][0]
        }
        resource "aws_iam_role_policy_attachment" "pair" {
          count      = length(local.pairs)
          role       = "app-${local.pairs[count.index].role}"
          policy_arn = local.pairs[count.index].arn
        }
        resource "aws_iam_role_policy_attachment" "first" {
          role       = "app"
          policy_arn = local.first
        }
        """);
    assertEquals(List.of("ADM001 main.tf:12 aws_iam_role_policy_attachment.pair[0]"), scan("ADM001"));
  }

  @Test
  void environmentVariablesAndUndeclaredTfvarsValuesCount() throws IOException {
    write("main.tf", ADMIN_ATTACHMENT);
    assertEquals(List.of(), scan("ADM001"), "no value: unknown, never a certain finding");
    assertEquals(1, scanResult(Map.of(), List.of(), Map.of("TF_VAR_policy", "arn:aws:iam::aws:policy/AdministratorAccess"),
        "ADM001").findings().size());
    write("terraform.tfvars", "policy = \"arn:aws:iam::aws:policy/AdministratorAccess\"\n");
    assertEquals(1, scan("ADM001").size(), "a committed value counts even without a variable block");
  }

  /**
   * A variable file Terraform reads but the scan cannot (encrypted by git-crypt, broken) may set
   * any variable: each is unknown from that file on, until a later one sets it. Found on a public
   * repository, where the default of a variable gave a certain finding the encrypted
   * terraform.tfvars may well override.
   */
  @Test
  void aVariableFileThatCannotBeReadMakesTheValuesItMaySetUnknown() throws IOException {
    write("main.tf", ADMIN_ATTACHMENT + """
        variable "policy" {
          default = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);
    assertEquals(List.of("ADM001 main.tf:3 aws_iam_role_policy_attachment.a"), admin(), "the default");
    Files.write(dir.resolve("terraform.tfvars"), new byte[] {0, 'G', 'I', 'T', 'C', 'R', 'Y', 'P', 'T', 0, (byte) 0x93, 0x12});
    assertEquals(List.of(), admin(), "terraform.tfvars may set another value");
    write("z.auto.tfvars", "policy = \"arn:aws:iam::aws:policy/AdministratorAccess\"\n");
    assertEquals(List.of("ADM001 main.tf:3 aws_iam_role_policy_attachment.a"), admin(), "a later file sets it");
    Files.delete(dir.resolve("z.auto.tfvars"));
    write("terraform.tfvars", "policy = \"arn:aws:iam::aws:policy/AdministratorAccess\"\n");
    write("a.auto.tfvars", "policy = [\n");
    assertEquals(List.of(), admin(), "a later file that does not parse may set another value");
  }

  private List<String> admin() {
    return scan("ADM001").stream().filter(l -> l.startsWith("ADM001")).toList();
  }

  /** Found by fuzzing: path.module in a .tfvars file made the whole run an internal error. */
  @Test
  void aModulePathInAVariableFileIsUnknownNotAFailure() throws IOException {
    write("main.tf", ADMIN_ATTACHMENT + """
        variable "policy" {
          type = string
        }
        resource "aws_iam_user_policy_attachment" "b" {
          user       = "bob"
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);
    write("terraform.tfvars", "policy = path.module\n");
    assertEquals(List.of("ADM001 main.tf:10 aws_iam_user_policy_attachment.b"), scan("ADM001"));
  }

  /**
   * terraform.workspace is the workspace selected when Terraform runs: unknown unless TF_WORKSPACE
   * names it. Found on a public repository of named workspaces, where "default" made a role with
   * {@code count = terraform.workspace == "prod" ? 1 : 0} certainly absent and its trust document
   * "used by no role".
   */
  @Test
  void theWorkspaceIsTheOneTfWorkspaceNames() throws IOException {
    write("main.tf", """
        resource "aws_iam_role" "r" {
          count              = terraform.workspace == "prod" ? 1 : 0
          name               = "deployer-${terraform.workspace}"
          assume_role_policy = "{}"
          managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
        }
        """);
    assertEquals(List.of(), scan("ADM001"), "the workspace is not known: whether the role exists is not certain");
    List<Finding> prod = scanResult(Map.of(), List.of(), Map.of("TF_WORKSPACE", "prod"), "ADM001").findings();
    assertEquals(List.of("AdministratorAccess is attached to role \"deployer-prod\" (aws_iam_role.r[0])"),
        prod.stream().map(Finding::message).toList());
    assertEquals(0, scanResult(Map.of(), List.of(), Map.of("TF_WORKSPACE", "staging"), "ADM001").findings().size());
  }

  /**
   * path.cwd is the absolute directory Terraform is run from (before -chdir), not ".": unknown here.
   * Found on a public repository, where {@code name = basename(path.cwd)} named a policy ".".
   */
  @Test
  void theWorkingDirectoryIsNotKnown() throws IOException {
    write("main.tf", """
        resource "aws_iam_user_policy_attachment" "cwd" {
          count      = basename(path.cwd) == "." ? 1 : 0
          user       = "bob"
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        resource "aws_iam_user_policy_attachment" "root" {
          count      = path.root == "." ? 1 : 0
          user       = "bob"
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);
    assertEquals(List.of("ADM001 main.tf:9 aws_iam_user_policy_attachment.root[0]"), scan("ADM001"));
  }

  /** Found by fuzzing: a NUL character in a module source or a file name made the whole run an internal error. */
  @Test
  void aPathNoFileCanHaveIsAbsentNotAFailure() throws IOException {
    write("main.tf", """
        module "x" {
          source = "./a\\u0000b"
        }
        locals {
          text = file("p\\u0000.json")
          here = fileexists("p\\u0000.json")
        }
        resource "aws_iam_user_policy_attachment" "b" {
          user       = "bob"
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);
    assertEquals(List.of("ADM001 main.tf:10 aws_iam_user_policy_attachment.b"), scan("ADM001"));
  }

  @Test
  void countAndForEachMakeOneFindingPerInstance() throws IOException {
    write("main.tf", """
        resource "aws_iam_user" "u" {
          for_each = toset(["alice", "bob"])
          name     = each.key
        }
        resource "aws_iam_access_key" "k" {
          count = 2
          user  = aws_iam_user.u["alice"].name
        }
        """);
    assertEquals(List.of("KEY004 main.tf:5 aws_iam_access_key.k[0]", "KEY004 main.tf:5 aws_iam_access_key.k[1]"),
        scan("KEY004"));
    assertEquals(List.of("USR003 main.tf:1 aws_iam_user.u[\"alice\"]", "USR003 main.tf:1 aws_iam_user.u[\"bob\"]"),
        scan("USR003"));
  }

  @Test
  void unknownCountGivesOneSymbolicInstanceAndNoCertainAnswerFromIt() throws IOException {
    write("main.tf", """
        variable "n" {}
        resource "aws_iam_access_key" "k" {
          count = var.n
          user  = "svc"
        }
        """);
    // The symbolic instance may stand for none (rules.md, "Uncertain existence"): nothing certain.
    assertEquals(List.of(), scan("KEY001"));
    assertEquals(List.of("KEY001 main.tf:2 aws_iam_access_key.k[*]"), lines(withUndecided("KEY001")),
        "reported as undecided with --report-unknown");
  }

  /**
   * A for_each over the instances of a resource whose own for_each is not known: as many
   * instances, whose keys and number are not known (rules.md, "Uncertain existence"). Found on a
   * public repository: {@code for_each = aws_iam_user.u} with {@code user = each.key} was one
   * certain instance keyed "*", and USR002 named the user "*"; keys() and length() read the same "*".
   */
  @Test
  void aForEachOverInstancesNotKnownIsNotKnownEither() throws IOException {
    write("main.tf", """
        variable "users" {
          type = set(string)
        }
        resource "aws_iam_user" "u" {
          for_each = var.users
          name     = each.value
        }
        resource "aws_iam_user_policy_attachment" "by_key" {
          for_each   = aws_iam_user.u
          user       = each.key
          policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        }
        resource "aws_iam_user_policy_attachment" "by_keys" {
          for_each   = toset(keys(aws_iam_user.u))
          user       = each.value
          policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        }
        resource "aws_iam_access_key" "by_length" {
          count = length(aws_iam_user.u)
          user  = "ci"
        }
        resource "aws_iam_user_policy_attachment" "by_value" {
          for_each   = aws_iam_user.u
          user       = each.value.name
          policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        }
        """);
    assertEquals(List.of(), scan("USR002", "KEY001"), "whether any instance exists is not known");
    List<String> undecided = withUndecided("USR002", "KEY001").stream()
        .map(f -> f.resource().address() + ": " + f.message()).toList();
    assertEquals(4, undecided.size(), undecided.toString());
    assertTrue(undecided.stream().noneMatch(m -> m.contains("user \"*\"")), undecided.toString());
    assertTrue(undecided.stream().anyMatch(m -> m.startsWith("aws_iam_user_policy_attachment.by_value[*]: ")
        && m.contains("aws_iam_user.u[*]")), "each.value still names the instance it is: " + undecided);
  }

  /**
   * A splat, a for expression or a concat over instances whose number is not known is a list
   * whose length is not known: length() of it decides nothing. Found on a public repository:
   * join(",", concat(a[*].json, b[*].json)) over complementary counts was taken for the text of
   * both documents (a certain POL001), and element(concat(...), 0) for the first one.
   */
  @Test
  void aListBuiltFromInstancesNotKnownHasALengthNotKnown() throws IOException {
    write("main.tf", """
        variable "n" {}
        resource "aws_iam_user" "u" {
          count = var.n
          name  = "user-${count.index}"
        }
        resource "aws_iam_user" "known" {
          count = 2
          name  = "known-${count.index}"
        }
        resource "aws_iam_access_key" "by_splat" {
          count = length(aws_iam_user.u[*].name)
          user  = "ci"
        }
        resource "aws_iam_access_key" "by_for" {
          count = length([for u in aws_iam_user.u : u.name])
          user  = "ci"
        }
        resource "aws_iam_access_key" "by_concat" {
          count = length(concat(["x"], aws_iam_user.u.*.name))
          user  = "ci"
        }
        resource "aws_iam_access_key" "by_known_splat" {
          count = length(aws_iam_user.known[*].name)
          user  = "ci"
        }
        """);
    assertEquals(List.of("KEY001 main.tf:22 aws_iam_access_key.by_known_splat[0]", "KEY001 main.tf:22 aws_iam_access_key.by_known_splat[1]"),
        scan("KEY001"), "only the splat of instances that are known has a known length");
  }

  /** The near miss: a for_each over instances that are known keys them by their own keys. */
  @Test
  void aForEachOverKnownInstancesHasTheirKeys() throws IOException {
    write("main.tf", """
        resource "aws_iam_user" "u" {
          for_each = toset(["ci"])
          name     = each.value
        }
        resource "aws_iam_user_policy_attachment" "by_key" {
          for_each   = aws_iam_user.u
          user       = each.key
          policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        }
        resource "aws_iam_access_key" "by_length" {
          count = length(aws_iam_user.u)
          user  = "ci"
        }
        """);
    assertEquals(List.of("USR002 main.tf:8 aws_iam_user_policy_attachment.by_key[\"ci\"]"), scan("USR002"));
    assertEquals(List.of("KEY001 main.tf:10 aws_iam_access_key.by_length[0]"), scan("KEY001"));
  }

  /**
   * resource.TYPE.NAME is a managed resource (Terraform 1.x), as TYPE.NAME is. Found on a public
   * repository: "resource.aws_iam_role is not declared" (EC2002), and a user whose membership was
   * written so was said to belong to no group (USR003).
   */
  @Test
  void theResourcePrefixNamesAManagedResource() throws IOException {
    write("main.tf", """
        resource "aws_iam_user" "u" {
          name = "alice"
        }
        resource "aws_iam_group" "g" {
          name = "readers"
        }
        resource "aws_iam_user_group_membership" "m" {
          user   = resource.aws_iam_user.u.name
          groups = [resource.aws_iam_group.g.name]
        }
        resource "aws_iam_role" "r" {
          name               = "app"
          assume_role_policy = "{}"
        }
        resource "aws_iam_instance_profile" "p" {
          name = "app"
          role = resource.aws_iam_role.r.name
        }
        resource "aws_instance" "i" {
          ami                  = "ami-12345678"
          iam_instance_profile = resource.aws_iam_instance_profile.p.name
        }
        resource "aws_iam_instance_profile" "dangling" {
          name = "other"
          role = resource.aws_iam_role.missing.name
        }
        """);
    assertEquals(List.of(), scan("USR003"));
    assertEquals(List.of("EC2002 main.tf:25 aws_iam_instance_profile.dangling"), scan("EC2002"));
  }

  @Test
  void localModulesAreEvaluatedWithTheirInputsAndFindingsCarryTheCallSite() throws IOException {
    write("main.tf", """
        module "ci" {
          source = "./modules/role"
          policy = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        module "ro" {
          source = "./modules/role"
          policy = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        }
        """);
    write("modules/role/main.tf", """
        variable "policy" {}
        resource "aws_iam_role_policy_attachment" "this" {
          role       = "r"
          policy_arn = var.policy
        }
        """);
    ScanResult result = scanResult(Map.of(), List.of(), Map.of(), "ADM001");
    assertEquals(List.of("ADM001 modules/role/main.tf:4 module.ci.aws_iam_role_policy_attachment.this"), lines(result.findings()));
    Finding f = result.findings().get(0);
    assertEquals(1, f.related().stream().filter(r -> r.location().file().equals("main.tf") && r.location().startLine() == 1).count(),
        "the module call is a related location: " + f.related());
  }

  @Test
  void modulesInstalledByTerraformInitAreReadFromTheirManifest() throws IOException {
    write("main.tf", """
        module "iam" {
          source  = "terraform-aws-modules/iam/aws"
          version = "5.0.0"
          policy  = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);
    write(".terraform/modules/modules.json",
        "{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"},"
            + "{\"Key\":\"iam\",\"Source\":\"registry.terraform.io/x/iam/aws\",\"Dir\":\".terraform/modules/iam\"}]}");
    write(".terraform/modules/iam/main.tf", """
        variable "policy" {}
        resource "aws_iam_group_policy_attachment" "g" {
          group      = "ops"
          policy_arn = var.policy
        }
        """);
    assertEquals(List.of("ADM001 .terraform/modules/iam/main.tf:4 module.iam.aws_iam_group_policy_attachment.g"), scan("ADM001"));
  }

  @Test
  void tfvarsJsonAndTypedVariablesConvert() throws IOException {
    write("main.tf", """
        variable "cfg" {
          type = object({
            arn    = optional(string, "arn:aws:iam::aws:policy/AdministratorAccess")
            create = bool
          })
        }
        resource "aws_iam_role_policy_attachment" "a" {
          count      = var.cfg.create ? 1 : 0
          role       = "r"
          policy_arn = var.cfg.arn
        }
        """);
    write("terraform.tfvars.json", "{\"cfg\": {\"create\": \"true\"}}");
    assertEquals(List.of("ADM001 main.tf:10 aws_iam_role_policy_attachment.a[0]"), scan("ADM001"));
  }

  @Test
  void moduleRecursionIsDetectedNotFollowedForever() throws IOException {
    write("main.tf", "module \"self\" {\n  source = \"./\"\n}\n" + ADMIN_ATTACHMENT
        + "variable \"policy\" {\n  default = \"arn:aws:iam::aws:policy/AdministratorAccess\"\n}\n");
    assertEquals(List.of("ADM001 main.tf:6 aws_iam_role_policy_attachment.a"), scan("ADM001"));
  }

  @Test
  void policyDocumentsInEveryShapeAreLocatedAtTheirElement() throws IOException {
    write("main.tf", """
        locals {
          everything = jsonencode({
            Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
          })
        }
        resource "aws_iam_policy" "encoded" {
          policy = local.everything
        }
        resource "aws_iam_policy" "heredoc" {
          policy = <<-EOT
            {"Statement": [
              {"Effect": "Allow", "Action": "*", "Resource": "*"}
            ]}
          EOT
        }
        data "aws_iam_policy_document" "base" {
          statement {
            sid       = "All"
            actions   = ["*"]
            resources = ["*"]
          }
        }
        data "aws_iam_policy_document" "merged" {
          source_policy_documents = [data.aws_iam_policy_document.base.json]
          statement {
            sid       = "All"
            actions   = ["s3:GetObject"]
            resources = ["*"]
          }
        }
        resource "aws_iam_role_policy" "merged" {
          role   = "r"
          policy = data.aws_iam_policy_document.merged.json
        }
        resource "aws_iam_role_policy" "quoted" {
          role   = "r"
          policy = "{\\"Statement\\": {\\"Effect\\": \\"Allow\\", \\"Action\\": \\"*:*\\", \\"Resource\\": \\"*\\"}}"
        }
        """);
    // The merged document replaced the "All" statement by Sid: no finding there; base is used
    // only as a source, so it is judged where it takes effect (nowhere on its own).
    assertEquals(List.of("ADM003 main.tf:3 aws_iam_policy.encoded", "ADM003 main.tf:12 aws_iam_policy.heredoc",
        "ADM003 main.tf:37 aws_iam_role_policy.quoted"), scan("ADM003"));
  }

  @Test
  void dynamicBlocksAndConditionalsExpand() throws IOException {
    write("main.tf", """
        variable "selectors" {
          default = [{ mgmt = false }]
        }
        resource "aws_cloudtrail" "t" {
          name = "t"
          s3_bucket_name = "b"
          dynamic "event_selector" {
            for_each = var.selectors
            content {
              include_management_events = event_selector.value.mgmt
            }
          }
          is_multi_region_trail = var.prod ? true : false
        }
        variable "prod" {}
        """);
    assertEquals(List.of("CT005 main.tf:10 aws_cloudtrail.t", "CT003 main.tf:13 aws_cloudtrail.t"), scan("CT003", "CT005"));
  }

  @Test
  void aSyntaxErrorInOneFileLeavesTheRestOfTheModuleChecked() throws IOException {
    write("broken.tf", "resource \"aws_iam_user\" \"x\" {\n  name = \n}\n");
    write("main.tf", ADMIN_ATTACHMENT + "variable \"policy\" {\n  default = \"arn:aws:iam::aws:policy/AdministratorAccess\"\n}\n");
    assertEquals(List.of("SYN001 broken.tf:2 broken.tf", "ADM001 main.tf:3 aws_iam_role_policy_attachment.a"),
        scan("ADM001"));
  }

  @Test
  void terraformJsonSyntaxIsEvaluatedLikeNativeSyntax() throws IOException {
    write("main.tf.json", """
        {
          "variable": { "p": { "default": "AdministratorAccess" } },
          "resource": {
            "aws_iam_role_policy_attachment": {
              "a": { "role": "ci", "policy_arn": "arn:aws:iam::aws:policy/${var.p}" }
            }
          }
        }
        """);
    assertEquals(List.of("ADM001 main.tf.json:5 aws_iam_role_policy_attachment.a"), scan("ADM001"));
  }

  @Test
  void overrideFilesReplaceArguments() throws IOException {
    write("main.tf", ADMIN_ATTACHMENT + "variable \"policy\" {\n  default = \"arn:aws:iam::aws:policy/AdministratorAccess\"\n}\n");
    write("main_override.tf", "variable \"policy\" {\n  default = \"arn:aws:iam::aws:policy/ReadOnlyAccess\"\n}\n");
    assertEquals(List.of(), scan("ADM001"));
  }

  @Test
  void dataAwsIamPolicyByNameIsTheManagedPolicy() throws IOException {
    write("main.tf", """
        data "aws_iam_policy" "admin" {
          name = "AdministratorAccess"
        }
        data "aws_partition" "current" {}
        resource "aws_iam_group_policy_attachment" "a" {
          group      = "ops"
          policy_arn = data.aws_iam_policy.admin.arn
        }
        resource "aws_iam_role" "r" {
          name                = "r"
          assume_role_policy  = "{}"
          managed_policy_arns = ["arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"]
        }
        """);
    assertEquals(List.of("ADM001 main.tf:7 aws_iam_group_policy_attachment.a", "ADM001 main.tf:12 aws_iam_role.r"),
        scan("ADM001"));
  }

  @Test
  void filesAreNeverReadOutsideTheScanRoot() throws IOException {
    Path outside = dir.resolveSibling(dir.getFileName() + "-outside");
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("p.json"), "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}");
    write("main.tf", "resource \"aws_iam_policy\" \"p\" {\n  policy = file(\"../" + outside.getFileName() + "/p.json\")\n}\n");
    assertEquals(List.of(), scan("ADM003"), "file() outside the root is unknown, not read");
    write("p.json", "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}");
    write("main.tf", "resource \"aws_iam_policy\" \"p\" {\n  policy = file(\"${path.module}/p.json\")\n}\n");
    assertEquals(List.of("ADM003 main.tf:2 aws_iam_policy.p"), scan("ADM003"));
  }

  @Test
  void planJsonResourcesWithUnknownsLinkedThroughTheConfiguration() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    write("plan.json", """
        {
          "format_version": "1.2",
          "planned_values": {"root_module": {"resources": [
            {"address": "aws_iam_user_policy_attachment.a", "mode": "managed", "type": "aws_iam_user_policy_attachment",
             "name": "a", "values": {"user": "deploy", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"}},
            {"address": "aws_iam_user_policy_attachment.b", "mode": "managed", "type": "aws_iam_user_policy_attachment",
             "name": "b", "values": {"user": "deploy"}}
          ]}},
          "resource_changes": [
            {"address": "aws_iam_user_policy_attachment.b", "change": {"after_unknown": {"policy_arn": true}}}
          ]
        }
        """);
    assertEquals(List.of("ADM001 plan.json:5 aws_iam_user_policy_attachment.a"), scan("ADM001"));
    assertTrue(files.isEmpty());
  }

  // Review regression: in a module whose providers may reach different accounts, an aws:userid
  // equal to a caller identity's account id is still an account id (only that root user has it,
  // and it cannot assume a role): the statement is not judged, not undecided.
  @Test
  void aUseridOfAnotherProvidersAccountIsStillAnAccountId() throws IOException {
    write("main.tf", """
        provider "aws" {
          region = "eu-west-2"
        }
        provider "aws" {
          alias  = "ci"
          region = "eu-west-2"
          assume_role {
            role_arn = "arn:aws:iam::222222222222:role/deployer"
          }
        }
        data "aws_caller_identity" "ci" {
          provider = aws.ci
        }
        resource "aws_iam_role" "r" {
          name = "r"
          assume_role_policy = jsonencode({
            Statement = [{
              Effect    = "Allow"
              Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.ci.account_id}:root" }
              Action    = "sts:AssumeRole"
              Condition = { StringEquals = { "aws:userid" = data.aws_caller_identity.ci.account_id } }
            }]
          })
        }
        """);
    assertEquals(List.of(), lines(withUndecided("MFA002")));
  }

  // Regression (a change reverted after review): a template looping over instances whose count is
  // not known may render "" (no instance), so comparing it with "" stays undecided and both
  // branches of the condition are judged.
  @Test
  void aTemplateOverInstancesOfUnknownCountMayBeEmpty() throws IOException {
    write("main.tf", """
        variable "repo" {
          type = string
        }
        variable "create" {
          type = bool
        }
        resource "aws_iam_user" "u" {
          count = var.create ? 1 : 0
          name  = var.repo
        }
        locals {
          joined = "%{for n in aws_iam_user.u[*].name}-${n}%{endfor}"
        }
        resource "aws_iam_policy" "p" {
          name = "p"
          policy = jsonencode({
            Statement = [{
              Effect   = "Allow"
              Action   = local.joined != "" ? "s3:GetObject" : "*"
              Resource = "*"
            }]
          })
        }
        """);
    assertEquals(List.of("ADM003 main.tf:19 aws_iam_policy.p"), scan("ADM003"));
  }

  // Regression: a module argument passed as null to a variable declared nullable = false takes
  // the default, as Terraform does (EKS node groups: "false branch ... (null)" with default true).
  @Test
  void nullPassedToANonNullableVariableTakesTheDefault() throws IOException {
    write("m/main.tf", """
        variable "policy" {
          type     = string
          default  = "arn:aws:iam::aws:policy/AdministratorAccess"
          nullable = false
        }
        variable "loose" {
          type    = string
          default = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        resource "aws_iam_role_policy_attachment" "strict" {
          role       = "ci"
          policy_arn = var.policy
        }
        resource "aws_iam_role_policy_attachment" "loose" {
          role       = "ci"
          policy_arn = var.loose
        }
        """);
    write("main.tf", """
        variable "readonly" {
          type = bool
        }
        module "direct" {
          source = "./m"
          policy = null
          loose  = null
        }
        module "branch" {
          source = "./m"
          policy = var.readonly ? "arn:aws:iam::aws:policy/ReadOnlyAccess" : null
          loose  = var.readonly ? "arn:aws:iam::aws:policy/ReadOnlyAccess" : null
        }
        """);
    // nullable = false: both the null argument and the null branch take the default;
    // a nullable variable keeps the null the caller passed.
    assertEquals(List.of("ADM001 m/main.tf:12 module.branch.aws_iam_role_policy_attachment.strict",
        "ADM001 m/main.tf:12 module.direct.aws_iam_role_policy_attachment.strict"), scan("ADM001"));
  }

  // Regression (real-world audit): a list handed to a variable declared set(string) is held in
  // set order, as Terraform converts it: the first of ["zed", "amy"] is "amy", and duplicates go.
  @Test
  void aListHandedToASetVariableIsInSetOrder() throws IOException {
    write("m/main.tf", """
        variable "admins" {
          type = set(string)
        }
        variable "ids" {
          type = set(number)
        }
        resource "aws_iam_user_policy_attachment" "first" {
          user       = tolist(var.admins)[0]
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        resource "aws_iam_user_policy_attachment" "second" {
          count      = length(var.admins) == 2 && tolist(var.ids)[0] == 2 ? 1 : 0
          user       = tolist(var.admins)[1]
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);
    write("main.tf", """
        module "team" {
          source = "./m"
          admins = ["zed", "amy", "zed"]
          ids    = [10, 2]
        }
        resource "aws_iam_user" "amy" {
          name = "amy"
        }
        resource "aws_iam_user" "zed" {
          name = "zed"
        }
        """);
    List<Finding> found = scanResult(Map.of(), List.of(), Map.of(), "ADM001").findings();
    assertEquals(List.of("ADM001 m/main.tf:9 module.team.aws_iam_user_policy_attachment.first",
        "ADM001 m/main.tf:14 module.team.aws_iam_user_policy_attachment.second[0]"), lines(found));
    assertTrue(found.get(0).message().contains("user \"amy\""), found.get(0).message());
    assertTrue(found.get(1).message().contains("user \"zed\""), found.get(1).message());
  }
}
