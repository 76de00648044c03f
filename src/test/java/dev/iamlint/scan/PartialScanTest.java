package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamlint.cache.DiskCache;
import dev.iamlint.cache.ParseCache;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.scan.ProjectScope.ChangedLines;
import dev.iamlint.scan.ProjectScope.LineRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scan of part of a project (pre-commit's changed files, an editor's one file) is judged
 * against the whole project and reports only what lies in the scanned paths.
 */
class PartialScanTest {

  static final String TRAIL = """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            IsMultiRegionTrail: true
            IncludeGlobalServiceEvents: true
            EnableLogFileValidation: true
            S3BucketName: logs
            KMSKeyId: alias/trail
      """;

  static final String READER_ROLE = """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Reader:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Principal: { Service: ec2.amazonaws.com }
                  Action: sts:AssumeRole
            ManagedPolicyArns:
              - arn:aws:iam::aws:policy/ReadOnlyAccess
      """;

  static final String ADMIN_GROUP = """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Ops:
          Type: AWS::IAM::Group
          Properties:
            ManagedPolicyArns:
              - arn:aws:iam::aws:policy/AdministratorAccess
      """;

  static ScanResult partial(Path root, Path... scanned) {
    return partial(ScanOptions.DEFAULT, root, scanned);
  }

  static ScanResult partial(ScanOptions options, Path root, Path... scanned) {
    return scan(options, root, Optional.of(ProjectScope.of(root, List.of(scanned))), List.of(scanned));
  }

  static ScanResult full(Path root) {
    return full(ScanOptions.DEFAULT, root);
  }

  static ScanResult full(ScanOptions options, Path root) {
    return scan(options, root, Optional.empty(), List.of(root));
  }

  static ScanResult scan(Path root, Optional<ProjectScope> scope, List<Path> paths) {
    return scan(ScanOptions.DEFAULT, root, scope, paths);
  }

  static ScanResult scan(ScanOptions options, Path root, Optional<ProjectScope> scope, List<Path> paths) {
    return scan(options, root, scope, paths, ParseCache.NONE);
  }

  static ScanResult scan(ScanOptions options, Path root, Optional<ProjectScope> scope, List<Path> paths, ParseCache cache) {
    ScanRequest r = ScanRequest.of(root, paths);
    ScanRequest request = new ScanRequest(r.workingDirectory(), r.paths(), r.parameters(), r.variables(),
        r.variableFiles(), r.environment(), r.partition(), r.selector(), r.minSeverity(),
        options.withAsOf(TestScans.AS_OF), r.excluded(), r.threads(), List.of(), true, scope);
    return new Scanner().scan(request.withCache(cache));
  }

  static List<String> rules(ScanResult r) {
    return r.findings().stream().map(f -> f.ruleId() + "@" + f.location().file() + ":" + f.location().startLine()).toList();
  }

  // The issue's case: a clean role committed in iam/ was refused with CT001 because the trail
  // lives in audit/, which pre-commit did not pass.
  @Test
  void aTrailInAnotherFolderCountsForAScannedFile(@TempDir Path root) throws IOException {
    write(root, "audit/trail.yaml", TRAIL);
    write(root, "iam/roles.yaml", READER_ROLE);
    assertEquals(List.of(), rules(partial(root, root.resolve("iam/roles.yaml"))));
    assertEquals(1, partial(root, root.resolve("iam/roles.yaml")).files(), "the summary counts the scanned files");
    assertEquals(1, partial(root, root.resolve("iam/roles.yaml")).resources(), "and their resources");
  }

  @Test
  void aProjectFindingIsReportedWhereItIsLocatedWhenThatFileIsScanned(@TempDir Path root) throws IOException {
    write(root, "iam/roles.yaml", READER_ROLE);
    write(root, "docs/other.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\n");
    assertEquals(List.of("CT001@iam/roles.yaml:3"), rules(partial(root, root.resolve("iam/roles.yaml"))));
    assertEquals(List.of(), rules(partial(root, root.resolve("docs/other.yaml"))));
  }

  @Test
  void findingsOfFilesOutsideTheScannedPathsAreNotReported(@TempDir Path root) throws IOException {
    write(root, "audit/trail.yaml", TRAIL);
    write(root, "iam/roles.yaml", READER_ROLE);
    write(root, "iam/admin.yaml", ADMIN_GROUP);
    assertEquals(List.of(), rules(partial(root, root.resolve("iam/roles.yaml"))));
    assertEquals(List.of("ADM001@iam/admin.yaml:7"), rules(partial(root, root.resolve("iam/admin.yaml"))));
    assertEquals(List.of("ADM001@iam/admin.yaml:7"), rules(partial(root, root.resolve("iam"))));
  }

  // A user declared in one Terraform root, its group membership in another: USR003 is about
  // the account, and the other root's membership names this user.
  @Test
  void aGroupMembershipInAnotherFileCounts(@TempDir Path root) throws IOException {
    write(root, "audit/trail.yaml", TRAIL);
    write(root, "iam/users/main.tf", """
        resource "aws_iam_user" "alice" {
          name = "alice"
        }
        """);
    write(root, "iam/groups/main.tf", """
        resource "aws_iam_group" "developers" {
          name = "developers"
        }

        resource "aws_iam_user_group_membership" "alice" {
          user   = "alice"
          groups = [aws_iam_group.developers.name]
        }
        """);
    Path users = root.resolve("iam/users/main.tf");
    assertEquals(List.of(), rules(partial(root, users)));
    // Without the rest of the project, the same file is judged alone, as before.
    assertEquals(List.of("USR003@iam/users/main.tf:1"), rules(scan(root,
        Optional.of(ProjectScope.of(root.resolve("iam/users"), List.of(users))), List.of(users))));
  }

  // Discovery never follows a link out of the project: a trail reached only through a linked
  // directory is not the project's.
  @Test
  void aLinkedDirectoryOutOfTheProjectIsNotRead(@TempDir Path dir) throws IOException {
    Path root = dir.resolve("project");
    write(dir, "elsewhere/trail.yaml", TRAIL);
    write(root, "iam/roles.yaml", READER_ROLE);
    link(root.resolve("audit"), dir.resolve("elsewhere"));
    assertEquals(List.of("CT001@project/iam/roles.yaml:3"), rules(scan(dir, Optional.of(ProjectScope.of(root,
        List.of(root.resolve("iam/roles.yaml")))), List.of(root.resolve("iam/roles.yaml")))));
  }

  @Test
  void aScannedFileThatLinksOutOfTheProjectIsNotRead(@TempDir Path dir) throws IOException {
    Path root = dir.resolve("project");
    write(dir, "elsewhere/admin.yaml", ADMIN_GROUP);
    write(root, "audit/trail.yaml", TRAIL);
    link(root.resolve("admin.yaml"), dir.resolve("elsewhere/admin.yaml"));
    ScanResult r = partial(root, root.resolve("admin.yaml"));
    assertEquals(List.of(), rules(r));
    assertEquals(1, r.errors().size(), r.errors().toString());
    assertTrue(r.errors().get(0).message().contains("outside the project root"), r.errors().toString());
  }

  // The project is read as git sees it: build outputs (copies of the sources) are not part of it.
  // A path the user names is scanned even when .gitignore leaves it out: an editor may open it.
  @Test
  void whatGitignoreExcludesIsNotContextButANamedPathIsScanned(@TempDir Path root) throws IOException {
    write(root, ".gitignore", "build/\n*.local.yaml\n");
    write(root, "audit/trail.yaml", TRAIL);
    write(root, "iam/roles.yaml", READER_ROLE);
    write(root, "build/admin.yaml", ADMIN_GROUP);
    write(root, "iam/admin.local.yaml", ADMIN_GROUP);
    assertEquals(List.of(), rules(full(root)).stream().filter(r -> r.startsWith("ADM")).toList());
    assertEquals(List.of(), rules(partial(root, root.resolve("iam/roles.yaml"))));
    assertEquals(List.of("ADM001@build/admin.yaml:7"), rules(partial(root, root.resolve("build/admin.yaml"))));
    assertEquals(List.of("ADM001@build/admin.yaml:7"), rules(partial(root, root.resolve("build"))));
    assertEquals(List.of("ADM001@iam/admin.local.yaml:7"), rules(partial(root, root.resolve("iam/admin.local.yaml"))));
    assertEquals(List.of(), rules(partial(root, root.resolve("iam"))), "inside a named directory, .gitignore applies");
  }

  @Test
  void nothingChangedReportsNothing(@TempDir Path root) throws IOException {
    write(root, "iam/admin.yaml", ADMIN_GROUP);
    ScanResult r = partial(root);
    assertEquals(List.of(), rules(r));
    assertEquals(0, r.files());
  }

  @Test
  void changedLinesKeepOnlyFindingsThatMeetThem(@TempDir Path root) throws IOException {
    write(root, "audit/trail.yaml", TRAIL);
    write(root, "iam/admin.yaml", ADMIN_GROUP + """
          Second:
            Type: AWS::IAM::Group
            Properties:
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/AdministratorAccess
        """);
    Path file = root.resolve("iam/admin.yaml");
    ProjectScope lines = new ProjectScope(root, List.of(file),
        Optional.of(new ChangedLines(Map.of(file, List.of(new LineRange(11, 12))))));
    assertEquals(List.of("ADM001@iam/admin.yaml:12"), rules(scan(root, Optional.of(lines), List.of(file))));
    ProjectScope whole = new ProjectScope(root, List.of(file), Optional.of(new ChangedLines(Map.of())));
    assertEquals(List.of("ADM001@iam/admin.yaml:7", "ADM001@iam/admin.yaml:12"),
        rules(scan(root, Optional.of(whole), List.of(file))), "a file without line ranges is new: all of it changed");
  }

  /**
   * The defining property: a partial scan reports exactly the findings of a full scan of the
   * project that lie in its paths, for every file of these fixture projects.
   */
  @ParameterizedTest
  @ValueSource(strings = {"testdata/demo", "testdata/rules/CT001", "testdata/rules/USR003", "testdata/rules/MFA001",
      "testdata/rules/KEY004", "testdata/rules/ADM005", "testdata/rules/ADM005/imports", "testdata/partial/escalation",
      "testdata/rules/ADM003", "testdata/rules/ADM004", "testdata/rules/ADM006", "testdata/partial/libraries"})
  void aPartialScanIsTheFullScanRestrictedToItsPaths(String project) throws IOException {
    assertPartialScansAgree(ScanOptions.DEFAULT, project);
  }

  /**
   * The same with the undecided checks reported: a rule that judges only what a partial scan can
   * report (ADM005 judges only the principals whose policies, values or trusts lie in the scanned
   * files) must still find every finding located there, certain or not.
   */
  @ParameterizedTest
  @ValueSource(strings = {"testdata/rules/ADM005", "testdata/rules/ADM005/imports", "testdata/partial/escalation",
      "testdata/unknown", "testdata/rules/ADM003", "testdata/rules/ADM004", "testdata/rules/ADM006"})
  void withUndecidedChecksReportedToo(String project) throws IOException {
    assertPartialScansAgree(new ScanOptions(false, false, true, Map.of()), project);
  }

  /**
   * The same with the cache warm from a scan of the whole project, as a pre-commit run finds it:
   * the modules of the context are then taken from the kept evaluations.
   */
  @ParameterizedTest
  @ValueSource(strings = {"testdata/demo", "testdata/rules/USR003", "testdata/rules/ADM005", "testdata/partial/escalation",
      "testdata/rules/ADM003", "testdata/partial/libraries", "testdata/rules/MFA001", "testdata/rules/KEY004",
      "testdata/rules/EC2001", "testdata/rules/EC2002", "testdata/rules/TRUST001", "testdata/rules/CT001"})
  void aPartialScanWithAWarmCacheIsTheFullScanRestrictedToItsPaths(String project, @TempDir Path cacheDir)
      throws IOException {
    Path root = Path.of(project).toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(root));
    ParseCache cache = DiskCache.open(cacheDir, "test", DiskCache.DEFAULT_MAX_BYTES, n -> {});
    scan(ScanOptions.DEFAULT, root, Optional.empty(), List.of(root), cache);
    assertPartialScansAgree(ScanOptions.DEFAULT, project, cache);
  }

  /**
   * With the cache warm, a partial scan of reusable modules reads the root modules a name ties
   * to the scanned one, however many hops away (users -> memberships, which names alice ->
   * groups, which declares her group; chain trusts bob), and leaves the others unread; once the
   * scanned module configures a provider it is a deployment, whose project-level findings read
   * the trail of audit (without it CT001 would be reported on alice): that is read too.
   */
  @Test
  void aPartialScanReadsTheRootModulesANameTiesToIt(@TempDir Path dir) throws IOException {
    Path root = dir.resolve("project");
    try (Stream<Path> walk = Files.walk(Path.of("testdata/partial/libraries"))) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        write(root, Path.of("testdata/partial/libraries").relativize(p).toString(), Files.readString(p));
      }
    }
    Path users = root.resolve("users/main.tf");
    Optional<ProjectScope> scope = Optional.of(ProjectScope.of(root, List.of(users)));
    List<String> expected = List.of("USR003@users/main.tf:11", "USR001@users/main.tf:15", "ADM005@users/main.tf:20");
    assertEquals(expected, rules(scan(ScanOptions.DEFAULT, root, scope, List.of(users), ParseCache.NONE)));

    scan(ScanOptions.DEFAULT, root, Optional.empty(), List.of(root), cache(dir));
    DiskCache warm = cache(dir);
    assertEquals(expected, rules(scan(ScanOptions.DEFAULT, root, scope, List.of(users), warm)));
    assertEquals(4, warm.stats().reusedResults(), "users, memberships, groups and chain; not audit nor unrelated: " + warm.stats());

    write(root, "users/provider.tf", "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n");
    scan(ScanOptions.DEFAULT, root, Optional.empty(), List.of(root), cache(dir));
    DiskCache deployed = cache(dir);
    assertEquals(rules(full(root)).stream().filter(r -> r.contains("@users/main.tf:")).toList(),
        rules(scan(ScanOptions.DEFAULT, root, scope, List.of(users), deployed)));
    assertEquals(5, deployed.stats().reusedResults(), "and audit's trail, which CT001 reads: " + deployed.stats());
  }

  // Review regression: a node group whose launch template id is a variable with no value may start
  // instances from a template of any root module, so EC2001 on a template without a profile is
  // not decided; a partial scan that left the node group's module unread reported it.
  @Test
  void aLaunchOfAnUnknownTemplateIsReadWithEveryLaunchTemplate(@TempDir Path dir) throws IOException {
    Path root = dir.resolve("project");
    write(root, "app/main.tf", """
        provider "aws" {}

        resource "aws_launch_template" "web" {
          name          = "web"
          image_id      = "ami-123"
          instance_type = "t3.micro"
        }
        """);
    write(root, "nodes/main.tf", """
        variable "template_id" {
          type = string
        }

        resource "aws_eks_node_group" "ng" {
          cluster_name  = "c"
          node_role_arn = "arn:aws:iam::123456789012:role/nodes"
          subnet_ids    = ["subnet-1"]
          launch_template {
            id      = var.template_id
            version = "1"
          }
          scaling_config {
            desired_size = 1
            max_size     = 1
            min_size     = 1
          }
        }
        """);
    Path app = root.resolve("app/main.tf");
    Optional<ProjectScope> scope = Optional.of(ProjectScope.of(root, List.of(app)));
    List<String> expected = rules(full(root)).stream().filter(r -> r.contains("@app/main.tf:")).toList();
    assertTrue(expected.stream().noneMatch(r -> r.startsWith("EC2001")), expected.toString());
    scan(ScanOptions.DEFAULT, root, Optional.empty(), List.of(root), cache(dir));
    assertEquals(expected, rules(scan(ScanOptions.DEFAULT, root, scope, List.of(app), cache(dir))));
  }

  private static DiskCache cache(Path dir) {
    return (DiskCache) DiskCache.open(dir.resolve("cache"), "test", DiskCache.DEFAULT_MAX_BYTES, n -> {});
  }

  // A file of the context whose module was evaluated and kept is evaluated again once it changed:
  // the kept result is keyed by the texts it read.
  @Test
  void aChangedFileOfTheContextIsReadAgain(@TempDir Path root, @TempDir Path cacheDir) throws IOException {
    write(root, "audit/trail.yaml", TRAIL);
    write(root, "iam/users.tf", """
        resource "aws_iam_user" "alice" {
          name = "alice"
        }
        """);
    write(root, "iam/groups.tf", """
        resource "aws_iam_group" "developers" {
          name = "developers"
        }

        resource "aws_iam_user_group_membership" "alice" {
          user   = aws_iam_user.alice.name
          groups = [aws_iam_group.developers.name]
        }
        """);
    ParseCache cache = DiskCache.open(cacheDir, "test", DiskCache.DEFAULT_MAX_BYTES, n -> {});
    Path users = root.resolve("iam/users.tf");
    Optional<ProjectScope> scope = Optional.of(ProjectScope.of(root, List.of(users)));
    scan(ScanOptions.DEFAULT, root, Optional.empty(), List.of(root), cache);
    assertEquals(List.of(), rules(scan(ScanOptions.DEFAULT, root, scope, List.of(users), cache)));

    write(root, "iam/groups.tf", """
        resource "aws_iam_group" "developers" {
          name = "developers"
        }
        """);
    assertEquals(List.of("USR003@iam/users.tf:1"), rules(scan(ScanOptions.DEFAULT, root, scope, List.of(users), cache)));
  }

  // Review regression: a comment above a resource suppresses its findings wherever they are
  // located; a partial scan of the file holding the policy's text kept only the scanned file's
  // comments and reported what the full scan suppresses.
  @Test
  void aSuppressionAboveAResourceInAnotherFileHolds(@TempDir Path root, @TempDir Path cacheDir) throws IOException {
    write(root, "audit/trail.yaml", TRAIL);
    write(root, "iam/policy.tf", """
        # iamlint:ignore ADM003,ADM006 -- reviewed break-glass policy
        resource "aws_iam_policy" "p" {
          name   = "p"
          policy = local.doc
        }
        """);
    write(root, "iam/document.tf", """
        locals {
          doc = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
          })
        }
        """);
    Path document = root.resolve("iam/document.tf");
    assertEquals(List.of(), rules(full(root)).stream().filter(r -> r.contains("@iam/")).toList());
    assertEquals(List.of(), rules(partial(root, document)));
    ParseCache cache = DiskCache.open(cacheDir, "test", DiskCache.DEFAULT_MAX_BYTES, n -> {});
    scan(ScanOptions.DEFAULT, root, Optional.empty(), List.of(root), cache);
    assertEquals(List.of(), rules(scan(ScanOptions.DEFAULT, root, Optional.of(ProjectScope.of(root, List.of(document))),
        List.of(document), cache)));
  }

  private static void assertPartialScansAgree(ScanOptions options, String project) throws IOException {
    assertPartialScansAgree(options, project, ParseCache.NONE);
  }

  private static void assertPartialScansAgree(ScanOptions options, String project, ParseCache cache) throws IOException {
    Path root = Path.of(project).toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(root));
    List<Finding> all = full(options, root).findings();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".expected")).sorted().toList();
    }
    assertTrue(files.size() > 1, "a project of several files");
    List<String> mismatches = new ArrayList<>();
    for (Path file : files) {
      String display = root.relativize(file).toString().replace('\\', '/');
      List<Finding> expected = all.stream().filter(f -> f.location().file().equals(display)).toList();
      List<Finding> got = scan(options, root, Optional.of(ProjectScope.of(root, List.of(file))), List.of(file), cache)
          .findings();
      if (!expected.equals(got)) mismatches.add(display + ": expected " + expected.size() + ", got " + got.size());
    }
    assertEquals(List.of(), mismatches);
  }

  static void write(Path root, String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static void link(Path link, Path target) {
    try {
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, target);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here");
    }
  }
}
