package dev.iamlint.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.cache.DiskCache;
import dev.iamlint.cache.ParseCache;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.report.JsonReporter;
import dev.iamlint.report.Report;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import dev.iamlint.rules.Catalog;
import dev.iamlint.scan.ScanRequest;
import dev.iamlint.scan.ScanResult;
import dev.iamlint.scan.Scanner;
import dev.iamlint.scan.TestScans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluations of root modules kept across runs: a warm run says exactly what a run without
 * a cache says, and any change to what an evaluation read (a module's files, a file read by
 * templatefile(), a variable file, the list of auto variable files) is seen.
 */
class DeploymentCacheTest {
  @TempDir
  Path dir;

  private static ScanResult scan(Path cwd, List<Path> paths, List<Path> varFiles, ParseCache cache) {
    return new Scanner().scan(new ScanRequest(cwd, paths, Map.of(), Map.of(), varFiles, Map.of("TF_VAR_team", "ops"), "aws",
        RuleSelector.ALL, Severity.INFO, new ScanOptions(false, false, true, Map.of()).withAsOf(TestScans.AS_OF), p -> false, 2)
        .withCache(cache));
  }

  private static String json(ScanResult result) throws IOException {
    StringBuilder out = new StringBuilder();
    new JsonReporter().write(new Report("test", result.findings(), result.files(), result.resources(), result.errors(),
        Catalog.all()), out);
    return out.toString();
  }

  private DiskCache cache() {
    return assertInstanceOf(DiskCache.class, DiskCache.open(dir.resolve("cache"), "test", DiskCache.DEFAULT_MAX_BYTES, n -> {}));
  }

  @Test
  void everyFixtureSaysTheSameWarmColdAndWithoutCache() throws IOException {
    Path cwd = Path.of("").toAbsolutePath();
    List<Path> paths = Stream.of("testdata/rules", "testdata/unknown", "testdata/demo", "testdata/gaps", "testdata/account-id")
        .map(Path::of).filter(Files::isDirectory).toList();
    String none = json(scan(cwd, paths, List.of(), ParseCache.NONE));
    DiskCache cold = cache();
    assertEquals(none, json(scan(cwd, paths, List.of(), cold)));
    assertTrue(cold.stats().keptResults() > 50, cold.stats().toString());
    DiskCache warm = cache();
    assertEquals(none, json(scan(cwd, paths, List.of(), warm)));
    assertEquals(cold.stats().keptResults(), warm.stats().reusedResults(), warm.stats().toString());
    assertEquals(0, warm.stats().keptResults(), warm.stats().toString());
  }

  private static final String ADMIN_POLICY = """
      resource "aws_iam_policy" "admin" {
        name   = "admin"
        policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
      }
      """;

  /**
   * A module outside the scan root is not read: scanning the same root module from a wider root
   * reads it, so what a narrower scan kept is not what the wider one gives.
   */
  @Test
  void theScanRootIsPartOfTheKey() throws IOException {
    Path project = Files.createDirectories(dir.resolve("p"));
    Files.createDirectories(project.resolve("a"));
    Files.createDirectories(project.resolve("shared"));
    Files.writeString(project.resolve("a/main.tf"), "module \"s\" {\n  source = \"../shared\"\n}\n");
    Files.writeString(project.resolve("shared/main.tf"), ADMIN_POLICY);
    String narrow = json(scan(project, List.of(Path.of("a")), List.of(), ParseCache.NONE));
    assertEquals(narrow, json(scan(project, List.of(Path.of("a")), List.of(), cache())));
    assertEquals(narrow, json(scan(project, List.of(Path.of("a")), List.of(), cache())));
    String wide = json(scan(project, List.of(Path.of(".")), List.of(), ParseCache.NONE));
    assertNotEquals(narrow, wide, "the shared module is read from the wider root");
    assertEquals(wide, json(scan(project, List.of(Path.of(".")), List.of(), cache())));
  }

  /** A manifest from the cache that names what no evaluation reads is not trusted: the root module is evaluated again. */
  @Test
  void aManifestNamingSomethingUnreadableIsAMiss() {
    DiskCache disk = cache();
    AtomicInteger evaluated = new AtomicInteger();
    Supplier<DeploymentCache.Recorded> evaluate = () -> {
      evaluated.incrementAndGet();
      return new DeploymentCache.Recorded(new DeploymentCache.Evaluated(new ModelBuilder(), List.of(), List.of()),
          Map.of(new DeploymentCache.Input(Inputs.Kind.FILE, "relative/../path"), "absent"));
    };
    Map<String, String> key = Map.of("root", "/r");
    new DeploymentCache(disk, key, input -> "absent").get(evaluate, inputs -> { });
    assertEquals(1, evaluated.get());
    new DeploymentCache(disk, key, input -> "absent").get(evaluate, inputs -> { });
    assertEquals(1, evaluated.get(), "kept and reused while its inputs are as they were");
    new DeploymentCache(disk, key, input -> {
      throw new IllegalArgumentException("not a path an evaluation reads: " + input.path());
    }).get(evaluate, inputs -> { });
    assertEquals(2, evaluated.get(), "a manifest whose inputs cannot be checked is evaluated again, not an error");
  }

  /** A template's mapping is kept by its text, name, parameters and partition; one that imports an export is mapped every time. */
  @Test
  void aTemplatesMappingIsKeptByWhatItReads() throws IOException {
    Path project = Files.createDirectories(dir.resolve("stacks"));
    Files.writeString(project.resolve("group.yaml"), """
        Parameters:
          Policy:
            Type: String
            Default: arn:aws:iam::aws:policy/ReadOnlyAccess
        Resources:
          Ops:
            Type: AWS::IAM::Group
            Properties:
              ManagedPolicyArns: [!Ref Policy]
        """);
    Files.writeString(project.resolve("export.yaml"), """
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
        Outputs:
          Policy:
            Value: arn:aws:iam::aws:policy/ReadOnlyAccess
            Export: {Name: the-policy}
        """);
    Files.writeString(project.resolve("import.yaml"), """
        Resources:
          Devs:
            Type: AWS::IAM::Group
            Properties:
              ManagedPolicyArns: [!ImportValue the-policy]
        """);
    List<String> seen = new ArrayList<>();
    for (Map<String, String> parameters : List.of(Map.<String, String>of(), Map.of("Policy", "arn:aws:iam::aws:policy/AdministratorAccess"))) {
      for (String exported : List.of("ReadOnlyAccess", "AdministratorAccess")) {
        Files.writeString(project.resolve("export.yaml"), Files.readString(project.resolve("export.yaml"))
            .replaceAll("aws:policy/\\w+", "aws:policy/" + exported));
        Function<ParseCache, String> scan = cache -> {
          try {
            return json(new Scanner().scan(new ScanRequest(dir, List.of(Path.of("stacks")), parameters, Map.of(), List.of(),
                Map.of(), "aws", RuleSelector.ALL, Severity.INFO, ScanOptions.DEFAULT.withAsOf(TestScans.AS_OF), p -> false, 2)
                .withCache(cache)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
        String none = scan.apply(ParseCache.NONE);
        assertEquals(none, scan.apply(cache()), parameters + " " + exported);
        DiskCache warm = cache();
        assertEquals(none, scan.apply(warm), parameters + " " + exported);
        assertTrue(warm.stats().reusedResults() >= 2, warm.stats().toString());
        assertTrue(seen.isEmpty() || !seen.get(seen.size() - 1).equals(none), "each step changes what is found");
        seen.add(none);
      }
    }
  }

  /** One step of the table: what changes on disk, and a scan of the project after it. */
  private record Step(String what, IoAction change) {}

  private interface IoAction {
    void run(Path project) throws IOException;
  }

  @Test
  void aChangeToAnyInputOfAnEvaluationIsSeen() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path root = Files.createDirectories(project.resolve("live"));
    Files.createDirectories(project.resolve("modules/user"));
    Files.writeString(root.resolve("main.tf"), """
        variable "action" {
          type = string
        }
        variable "team" {
          type = string
        }
        resource "aws_iam_policy" "p" {
          name   = "p-${var.team}"
          policy = templatefile("${path.module}/policy.json.tpl", { action = var.action })
        }
        module "user" {
          source = "../modules/user"
          policy = "ReadOnlyAccess"
        }
        module "later" {
          source = "../modules/later"
        }
        module "installed" {
          source = "terraform-aws-modules/iam/aws"
        }
        """);
    Files.createDirectories(root.resolve(".terraform/modules"));
    Files.writeString(root.resolve(".terraform/modules/modules.json"),
        "{\"Modules\": [{\"Key\": \"installed\", \"Source\": \"registry\", \"Dir\": \".terraform/modules/installed\"}]}");
    Files.writeString(root.resolve("policy.json.tpl"), """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "${action}", "Resource": "*"}]}
        """);
    Files.writeString(root.resolve("terraform.tfvars"), "action = \"s3:GetObject\"\n");
    Files.writeString(project.resolve("modules/user/main.tf"), """
        variable "policy" {
          type = string
        }
        resource "aws_iam_user" "u" {
          name = "u"
        }
        resource "aws_iam_user_policy_attachment" "a" {
          user       = aws_iam_user.u.name
          policy_arn = "arn:aws:iam::aws:policy/${var.policy}"
        }
        """);
    Path outside = Files.writeString(dir.resolve("explicit.tfvars"), "");
    List<Step> steps = List.of(
        new Step("nothing changed", p -> { }),
        new Step("terraform.tfvars", p -> Files.writeString(root.resolve("terraform.tfvars"), "action = \"*\"\n")),
        new Step("a new auto variable file", p -> Files.writeString(root.resolve("b.auto.tfvars"), "action = \"iam:PassRole\"\n")),
        new Step("an auto variable file", p -> Files.writeString(root.resolve("b.auto.tfvars"), "action = \"iam:*\"\n")),
        new Step("the explicit variable file, outside the project", p -> Files.writeString(outside, "action = \"s3:*\"\n")),
        new Step("the template templatefile() reads", p -> Files.writeString(root.resolve("policy.json.tpl"), """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "${action}", "Resource": "*"}]}
            """)),
        new Step("the template removed", p -> Files.delete(root.resolve("policy.json.tpl"))),
        new Step("a called module's file", p -> Files.writeString(project.resolve("modules/user/main.tf"),
            Files.readString(project.resolve("modules/user/main.tf")).replace("name = \"u\"", "name = \"admin-user\""))),
        new Step("a new file in the called module", p -> Files.writeString(project.resolve("modules/user/keys.tf"), """
            resource "aws_iam_access_key" "k" {
              user = aws_iam_user.u.name
            }
            """)),
        new Step("the root module's call", p -> Files.writeString(root.resolve("main.tf"),
            Files.readString(root.resolve("main.tf")).replace("ReadOnlyAccess", "AdministratorAccess"))),
        new Step("a called module that was not there", p -> Files.writeString(
            Files.createDirectories(project.resolve("modules/later")).resolve("main.tf"), ADMIN_POLICY)),
        new Step("an installed module that was not there", p -> Files.writeString(
            Files.createDirectories(root.resolve(".terraform/modules/installed")).resolve("main.tf"), ADMIN_POLICY.replace("\"admin\"", "\"installed\""))),
        new Step("a syntax error in an installed module", p -> Files.writeString(
            root.resolve(".terraform/modules/installed/bad.tf"), "resource \"x\" {\n")),
        new Step("modules.json naming another directory", p -> {
          Path other = Files.createDirectories(root.resolve(".terraform/modules/other"));
          Files.writeString(other.resolve("main.tf"), ADMIN_POLICY.replace("\"admin\"", "\"other\""));
          Files.writeString(root.resolve(".terraform/modules/modules.json"),
              "{\"Modules\": [{\"Key\": \"installed\", \"Source\": \"registry\", \"Dir\": \".terraform/modules/other\"}]}");
        }));
    List<Path> paths = List.of(Path.of("project"));
    List<Path> varFiles = List.of(outside);
    List<String> seen = new ArrayList<>();
    for (Step step : steps) {
      step.change().run(project);
      String none = json(scan(dir, paths, varFiles, ParseCache.NONE));
      // Twice with the cache: the first may evaluate, the second must reuse and agree.
      assertEquals(none, json(scan(dir, paths, varFiles, cache())), step.what());
      DiskCache warm = cache();
      assertEquals(none, json(scan(dir, paths, varFiles, warm)), step.what());
      assertEquals(1, warm.stats().reusedResults(), step.what() + ": " + warm.stats());
      if (!seen.isEmpty()) assertNotEquals(seen.get(seen.size() - 1), none, step.what() + " changes what is found");
      seen.add(none);
    }
  }
}
