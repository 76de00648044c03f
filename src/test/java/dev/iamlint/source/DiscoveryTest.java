package dev.iamlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoveryTest {
  @TempDir
  Path tmp;

  private static final String CFN = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\n";

  private List<String> discover(Path root) {
    return new Discovery(tmp, p -> false).discover(List.of(root)).files().stream()
        .map(f -> f.displayPath() + "=" + f.kind()).toList();
  }

  @Test
  void symlinksNeverLeadOutOfTheRootAndNeverLoop() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.yaml"), CFN);
    Files.writeString(root.resolve("a.yaml"), CFN);
    Files.createSymbolicLink(root.resolve("link-out.yaml"), outside.resolve("secret.yaml"));
    Files.createSymbolicLink(root.resolve("dir-out"), outside);
    Files.createSymbolicLink(root.resolve("loop"), root);
    Files.createSymbolicLink(root.resolve("link-in.yaml"), root.resolve("a.yaml"));
    assertEquals(List.of("root/a.yaml=CLOUDFORMATION_YAML"), discover(root));
  }

  @Test
  void toolDirectoriesAreSkipped() throws IOException {
    for (String d : List.of(".git", ".terraform", "node_modules", "src", ".terragrunt-cache/x", ".aws-sam/build", ".venv",
        ".taskcat/.remote_templates", "cdk.out", ".serverless", "build", "target", "dist")) {
      write(d + "/t.yaml", CFN);
    }
    assertEquals(List.of("cdk.out/t.yaml", "src/t.yaml", ".serverless/t.yaml").stream().sorted().toList(),
        paths(tmp, Ignoring.IGNORED_AND_BUILD_FOLDERS));
    assertEquals(List.of("build/t.yaml"), paths(tmp.resolve("build"), Ignoring.IGNORED_AND_BUILD_FOLDERS),
        "a build folder named on the command line is scanned");
    assertEquals(13 - 1, paths(tmp, Ignoring.NOTHING).size(), "--no-ignore: all but .git");
  }

  @Test
  void theTemplatesServerlessCompiledBesideItsServiceAreSkipped() throws IOException {
    write("api/.serverless/cloudformation-template-update-stack.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\"}");
    write("api/serverless.yml", "service: api\nprovider:\n  name: aws\n");
    write("old/.serverless/cloudformation-template-update-stack.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\"}");
    assertEquals(List.of("api/serverless.yml", "old/.serverless/cloudformation-template-update-stack.json"),
        paths(tmp, Ignoring.IGNORED_AND_BUILD_FOLDERS));
  }

  /**
   * What discovery takes a YAML or JSON file for. A file named serverless.yml is what its content
   * is. Only a key named Type makes a resource type: an AWS Config item or an event names one under
   * {@code resourceType} and is no template (found on a public repository: a test event that was
   * not JSON got a SYN001). A YAML template source whose first line is Jinja markup ("{%", "{#",
   * "{{") is YAML, not JSON (found on a public repository: "JSON syntax error"); so is a .json
   * file that opens with # comments, which CloudFormation reads as YAML (found on a public
   * repository). An OpenStack Heat template in the CloudFormation-compatible format is not a
   * CloudFormation template (found on a public repository: EC2001 on a Heat launch configuration).
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      serverless.yml  | 'service: s\\nprovider:\\n  name: aws\\n'                          | SERVERLESS
      serverless.yaml | 'provider:\\n  name: aws\\nresources:\\n  Resources: {}\\n'         | SERVERLESS
      serverless.yml  | '"service": s\\n'                                                | SERVERLESS
      serverless.yml  | 'AWSTemplateFormatVersion: "2010-09-09"\\nResources: {}\\n'        | CLOUDFORMATION_YAML
      serverless.yaml | 'Resources:\\n  R:\\n    Type: AWS::IAM::Role\\n'                  | CLOUDFORMATION_YAML
      serverless.yml  | 'Resources:\\n  R:\\n    Type: AWS::IAM::Role\\n    service: x\\n' | CLOUDFORMATION_YAML
      serverless.yml  | 'name: not infrastructure\\n'                                      | none
      item.json       | '[{"resourceType": "AWS::EC2::NetworkInterface"'                   | none
      item.json       | '{"ResourceType": "AWS::IAM::Role", "configuration": {}}'          | none
      item.yaml       | 'resourceType: AWS::IAM::Role\\n'                                 | none
      t.json          | '{"Resources": {"R": {"Type": "AWS::IAM::Role"}}}'                | CLOUDFORMATION_JSON
      t.json          | '{"Resources":{"R":{"Type":"AWS::IAM::Role"}}}'                   | CLOUDFORMATION_JSON
      t.yaml          | 'Resources:\\n  R:\\n    Type: AWS::IAM::Role\\n'                 | CLOUDFORMATION_YAML
      t.yaml          | 'Resources:\\n  R: {Type: AWS::IAM::Role}\\n'                     | CLOUDFORMATION_YAML
      t.template      | '{% set n = 1 %}\\nAWSTemplateFormatVersion: "2010-09-09"\\n'     | CLOUDFORMATION_YAML
      t.yaml          | '{# a comment #}\\nResources:\\n  R:\\n    Type: AWS::IAM::Role\\n' | CLOUDFORMATION_YAML
      t.yaml          | '{{ header }}\\nAWSTemplateFormatVersion: "2010-09-09"\\n'        | CLOUDFORMATION_YAML
      t.yaml          | '{"AWSTemplateFormatVersion": "2010-09-09"}'                        | CLOUDFORMATION_JSON
      t.json          | '# generated\n{"Resources": {"R": {"Type": "AWS::IAM::Role"}}}'  | CLOUDFORMATION_YAML
      t.json          | 'x{"Resources": {"R": {"Type": "AWS::IAM::Role"}}}'               | CLOUDFORMATION_JSON
      heat.template   | '{"HeatTemplateFormatVersion": "2012-12-12", "Resources": {"I": {"Type": "AWS::EC2::Instance"}}}' | none
      heat.yaml       | 'heat_template_version: 2018-08-31\nresources:\n  i:\n    Type: AWS::EC2::Instance\n' | none
      heat.json       | '{"Resources": {"P": {"Type": "OS::Neutron::Port"}, "I": {"Type": "AWS::EC2::Instance"}}}' | none
      """)
  void aFileIsWhatItsContentIs(String name, String text, String expected) {
    assertEquals(expected, Discovery.classifyByContent(name, text.replace("\\n", "\n")).map(Enum::name).orElse("none"));
  }

  /** A tree with .gitignore files at several levels, and what a walk of it reads. */
  private void ignoringTree() throws IOException {
    write(".gitignore", """
        # build outputs
        build/
        *.gen.yaml
        !keep.gen.yaml
        /anchored.tf
        out/*
        !out/kept/
        docs/**/draft.tf
        \\#hash.tf
        spaced.tf \s\s
        """);
    write(".git/info/exclude", "private.tf\n");
    write("main.tf", "");
    write("private.tf", "");
    write("a.gen.yaml", CFN);
    write("keep.gen.yaml", CFN);
    write("anchored.tf", "");
    write("deep/anchored.tf", "");
    write("#hash.tf", "");
    write("spaced.tf", "");
    write("build/b.tf", "");
    write("build/skip.tf", "");
    // Nothing inside an excluded directory can be re-included.
    write("build/.gitignore", "!b.tf\nskip.tf\n");
    write("out/o.tf", "");
    write("out/kept/k.tf", "");
    write("out/other/x.tf", "");
    write("docs/a/b/draft.tf", "");
    write("docs/draft.tf", "");
    write("docs/a/draft.tf.json", "{}");
    // A subdirectory's patterns apply below it, never to its siblings.
    write("sub/.gitignore", "*.tf\n!wanted.tf\n");
    write("sub/a.tf", "");
    write("sub/wanted.tf", "");
    write("sub/inner/b.tf", "");
    write("sibling/c.tf", "");
    // A nested repository has its own rules: the outer ones do not reach into it.
    write("nested/.git/info/exclude", "n.tf\n");
    write("nested/x.gen.yaml", CFN);
    write("nested/n.tf", "");
  }

  @Test
  void gitignoreFilesAtEveryLevelAreHonoured() throws IOException {
    ignoringTree();
    assertEquals(List.of("deep/anchored.tf", "docs/a/draft.tf.json", "keep.gen.yaml", "main.tf", "nested/x.gen.yaml",
        "out/kept/k.tf", "sibling/c.tf", "sub/wanted.tf"), paths(tmp, Ignoring.IGNORED_AND_BUILD_FOLDERS));
  }

  @Test
  void noIgnoreReadsEverythingButGit() throws IOException {
    ignoringTree();
    assertEquals(22, paths(tmp, Ignoring.NOTHING).size(), paths(tmp, Ignoring.NOTHING).toString());
  }

  @Test
  void anIgnoredPathNamedExplicitlyIsReadAndTheRulesApplyInsideIt() throws IOException {
    ignoringTree();
    Discovery discovery = new Discovery(tmp, p -> false);
    assertEquals(List.of("build/b.tf"), names(discovery.discover(List.of(tmp.resolve("build")))));
    assertEquals(List.of("anchored.tf"), names(discovery.discover(List.of(tmp.resolve("anchored.tf")))));
    // A project walk enters the named paths, and only them, inside what is ignored.
    List<String> project = names(discovery.discoverProject(tmp, List.of(tmp.resolve("build"), tmp.resolve("out/o.tf"),
        tmp.resolve("sub/a.tf"))));
    assertEquals(List.of("build/b.tf", "out/o.tf", "sub/a.tf"),
        project.stream().filter(p -> p.startsWith("build/") || p.startsWith("out/o") || p.startsWith("sub/a")).toList());
    assertEquals(false, project.contains("out/other/x.tf"));
    assertEquals(false, project.contains("build/skip.tf"), "build/.gitignore applies inside the named build/");
    List<String> below = names(discovery.discoverProject(tmp, List.of(tmp.resolve("out/other"))));
    assertEquals(true, below.contains("out/other/x.tf"), below.toString());
    assertEquals(false, below.contains("out/o.tf"), below.toString());
  }

  @Test
  void anIgnoreFileAboveTheWalkRootIsNotRead() throws IOException {
    write(".gitignore", "*.tf\n");
    write("inner/a.tf", "");
    assertEquals(List.of("inner/a.tf"), names(new Discovery(tmp, p -> false).discover(List.of(tmp.resolve("inner")))));
  }

  // A hostile .gitignore: 100,000 lines of patterns of every shape, deep paths. It must simply finish.
  @Test
  void aHugeOrPathologicalGitignoreDoesNotHang() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      String id = Integer.toString(i, 36);
      text.append(switch (i % 5) {
        case 0 -> "n" + id;
        case 1 -> "*.e" + id;
        case 2 -> "/d" + id + "/f";
        case 3 -> "**/**/" + id + "/**";
        default -> "*a*a*a*" + id;
      }).append('\n');
    }
    assertEquals(true, text.length() < IgnoreFile.MAX_BYTES);
    write(".gitignore", text.toString());
    String deep = "aaaaaaaaaaaaaaaaaaaaaaaa/".repeat(30);
    for (int i = 0; i < 20; i++) write(deep + "f" + i + ".tf", "");
    assertEquals(20, paths(tmp, Ignoring.IGNORED_AND_BUILD_FOLDERS).size());
  }

  @Test
  void anIgnoreFileLargerThanTheLimitIsNotReadAndSaysSo() throws IOException {
    write(".gitignore", "*.tf\n" + "#".repeat(IgnoreFile.MAX_BYTES));
    write("a.tf", "");
    Discovery.Result r = new Discovery(tmp, p -> false).discover(List.of(tmp));
    assertEquals(List.of("a.tf"), names(r));
    assertEquals(List.of(".gitignore"), r.errors().stream().map(FileError::file).toList());
  }

  // Regression: a project marked by .iamlint.yaml below the top of a work tree got none of the
  // repository's ignore rules above it, and its index was never read: ignored files were scanned,
  // tracked ones dropped. The walk of the sub-project must see what git sees there.
  @Test
  void aRootBelowTheWorkTreeTopGetsTheRepositorysRulesAndIndex() throws Exception {
    Assumptions.assumeTrue(GitIndexTest.gitAvailable(), "git is not installed");
    write(".gitignore", "gen/\n");
    write("infra/.gitignore", "tracked.yaml\n");
    write("infra/gen/g.yaml", CFN);
    write("infra/tracked.yaml", CFN);
    write("infra/iam/role.yaml", CFN);
    run("git", "init", "-q");
    run("git", "add", "-A");
    run("git", "add", "-f", "infra/tracked.yaml");
    assertEquals(List.of("infra/iam/role.yaml", "infra/tracked.yaml"), paths(tmp.resolve("infra"), Ignoring.IGNORED_AND_BUILD_FOLDERS));
    assertEquals(List.of("infra/gen/g.yaml", "infra/iam/role.yaml", "infra/tracked.yaml"),
        paths(tmp.resolve("infra"), Ignoring.NOTHING));
  }

  private void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
  }

  private void write(String relative, String text) throws IOException {
    Path file = tmp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private List<String> paths(Path root, Ignoring ignoring) {
    return names(new Discovery(tmp, p -> false, ignoring).discover(List.of(root)));
  }

  private static List<String> names(Discovery.Result r) {
    return r.files().stream().map(SourceFile::displayPath).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "t.yaml     | 'AWSTemplateFormatVersion: x'                       | CLOUDFORMATION_YAML",
      "t.yml      | 'Resources:\\n  A:\\n    Type: AWS::IAM::User'       | CLOUDFORMATION_YAML",
      "t.json     | '{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\"}}}' | CLOUDFORMATION_JSON",
      "t.template | '{\"AWSTemplateFormatVersion\": \"x\"}'              | CLOUDFORMATION_JSON",
      "k8s.yaml   | 'apiVersion: v1\\nkind: Pod'                         | ''",
      "p.json     | '{\"format_version\": \"1.2\", \"planned_values\": {}}' | TERRAFORM_PLAN",
      "main.tf    | 'resource \"a\" \"b\" {}'                              | TERRAFORM",
      "x.tf.json  | '{}'                                                | TERRAFORM_JSON",
      "a.tfvars   | 'a = 1'                                             | TERRAFORM_VARS",
      "notes.txt  | 'AWSTemplateFormatVersion'                          | ''",
  })
  void classification(String name, String content, String kind) throws IOException {
    Files.writeString(tmp.resolve(name), content.replace("\\n", "\n"));
    List<String> found = discover(tmp);
    assertEquals(kind.isEmpty() ? List.of() : List.of(name + "=" + kind), found);
  }
}
