package dev.iamlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.report.Report;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Severity;
import dev.iamlint.source.Location;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as scripts and editors use it: formats, exit codes, rule selection. */
class CliTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void template() throws IOException {
    Files.writeString(dir.resolve("stack.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Ops:
            Type: AWS::IAM::Group
            Properties:
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/AdministratorAccess
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
              IsMultiRegionTrail: true
              EnableLogFileValidation: true
              KMSKeyId: alias/trail
        """);
  }

  @Test
  void compactIsOneLinePerFindingInTheEditorFormat() {
    Run r = run("scan", "--format", "compact", "--no-color", dir.toString());
    assertEquals(1, r.code(), r.err());
    String adm = r.out().lines().filter(l -> l.contains("[ADM001]")).findFirst().orElseThrow();
    assertTrue(adm.matches(".*stack\\.yaml:7:11: error: \\[ADM001] AdministratorAccess is attached to group .*"), adm);
    assertTrue(r.out().lines().allMatch(l -> l.matches("[^:]+:\\d+:\\d+: (error|warning|note): \\[[A-Z]+\\d{3}] .*")), r.out());
  }

  @Test
  void jsonHasTheDocumentedShape() {
    Run r = run("scan", "--format", "json", dir.toString());
    assertEquals(1, r.code(), r.err());
    JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals("iamlint", root.getAsJsonObject("tool").get("name").getAsString());
    JsonArray findings = root.getAsJsonArray("findings");
    JsonObject adm = null;
    for (var f : findings) {
      if (f.getAsJsonObject().get("ruleId").getAsString().equals("ADM001")) adm = f.getAsJsonObject();
    }
    assertTrue(adm != null, r.out());
    assertEquals("admin-policy-attached", adm.get("rule").getAsString());
    assertEquals("high", adm.get("severity").getAsString());
    JsonObject resource = adm.getAsJsonObject("resource");
    assertEquals("Resources.Ops", resource.get("address").getAsString());
    assertEquals("AWS::IAM::Group", resource.get("type").getAsString());
    JsonObject span = resource.getAsJsonObject("location");
    assertEquals(3, span.get("startLine").getAsInt());
    assertEquals(7, span.get("endLine").getAsInt(), "the resource location spans the whole resource");
    assertEquals(16, adm.get("fingerprint").getAsString().length());
    assertTrue(adm.has("suppressed") && adm.get("suppressed").isJsonNull());
    JsonObject summary = root.getAsJsonObject("summary");
    assertEquals(1, summary.get("files").getAsInt());
    assertEquals(2, summary.get("resources").getAsInt());
    assertEquals(findings.size(), summary.get("findings").getAsInt());
    assertEquals(0, root.getAsJsonArray("errors").size());
  }

  @Test
  void sameInputSameOutputByteForByte() {
    assertEquals(run("scan", "--format", "json", dir.toString()).out(), run("scan", "--format", "json", dir.toString()).out());
  }

  @Test
  void failOnAndMinSeverityDecideExitCodeAndOutput() {
    assertEquals(0, run("scan", "--fail-on", "critical", "--format", "compact", dir.toString()).code());
    Run high = run("scan", "--min-severity", "high", "--format", "compact", dir.toString());
    assertEquals(1, high.code());
    assertTrue(high.out().lines().allMatch(l -> l.contains(": error: ")), high.out());
  }

  @Test
  void rulesAreSelectedByIdSlugAndPrefix() {
    Set<String> ids = new HashSet<>();
    run("scan", "--rule", "CT", "--format", "compact", dir.toString()).out().lines()
        .forEach(l -> ids.add(l.replaceAll(".*\\[([A-Z]+\\d+)].*", "$1")));
    assertTrue(ids.stream().allMatch(i -> i.startsWith("CT")), ids.toString());
    assertFalse(ids.isEmpty());
    Run slug = run("scan", "--rule", "admin-policy-attached", "--format", "compact", dir.toString());
    assertEquals(1, slug.out().lines().count(), slug.out());
    Run skipped = run("scan", "--skip-rule", "ADM001", "--skip-rule", "CT00*", "--skip-rule", "MON*", "--format", "compact", dir.toString());
    assertEquals(0, skipped.code(), skipped.out());
    // A comma-separated list is the same as the option repeated (a user wrote it so and got "no rule matches").
    Run listed = run("scan", "--skip-rule", "ADM001,CT00*,MON*", "--format", "compact", dir.toString());
    assertEquals(0, listed.code(), listed.out() + listed.err());
    Run unknown = run("scan", "--rule", "NOPE999", dir.toString());
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("no rule matches 'NOPE999'"), unknown.err());
  }

  /** A job summary is written next to the annotations, the github annotations go to stdout. */
  @Test
  void markdownGoesToAFileBesideTheAnnotations() throws IOException {
    Path summary = dir.resolve("out/summary.md");
    Run r = run("scan", "--format", "github", "--format", "markdown=" + summary, dir.resolve("stack.yaml").toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().startsWith("::error "), r.out());
    String md = Files.readString(summary);
    assertTrue(md.startsWith("## iamlint\n\n**"), md);
    assertTrue(md.contains("| **high** | [ADM001]("), md);
  }

  /** The CLI hands the reporter the path mapping and the environment: links follow both. */
  @Test
  void markdownLinksFollowTheEnvironmentAndTheProjectPath() throws IOException {
    var at = new Location("stack.yaml", 7, 11, 7, 20);
    var resource = new ResourceRef("stack.yaml", "Resources.Ops", "AWS::IAM::Group", at, at,
        List.of(), "stack.yaml");
    var finding = new Finding("ADM001", "admin-policy-attached", Severity.HIGH, "m", at,
        resource, List.of(), "");
    var report = new Report("0.1.0", List.of(finding), 1, 1, List.of(), List.of());
    StringBuilder out = new StringBuilder();
    new OutputFormat("markdown", Optional.empty()).reporter(false, p -> "infra/" + p,
        Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "o/r", "GITHUB_SHA", "abcdef1"),
        dir, dir).write(report, out);
    assertTrue(out.toString().contains("[infra/stack.yaml:7](https://github.com/o/r/blob/abcdef1/infra/stack.yaml#L7)"), out.toString());
  }

  @Test
  void usageErrorsExitWithTwoAndOneLine() {
    Run r = run("scan", "--format", "yaml", dir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown format 'yaml'"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertEquals(2, run("scan", "--format", "json", "--format", "compact", dir.toString()).code(),
        "two formats on stdout");
  }

  /** --as-of picks the day time windows are judged on; a date that cannot be read is exit 2, one line. */
  @Test
  void asOfDecidesTimeWindows() throws IOException {
    Path tf = dir.resolve("window");
    Files.createDirectories(tf);
    Files.writeString(tf.resolve("main.tf"), """
        resource "aws_iam_policy" "temporary_admin" {
          name = "temporary-admin"
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect = "Allow", Action = "*", Resource = "*"
              Condition = { DateLessThan = { "aws:CurrentTime" = "2025-01-01T00:00:00Z" } }
            }]
          })
        }
        """);
    Run open = run("scan", "--format", "compact", "--rule", "ADM003", "--as-of", "2024-12-31", tf.toString());
    assertEquals(1, open.code(), open.err());
    assertTrue(open.out().contains("[ADM003] Policy \"temporary-admin\" allows every action"), open.out());
    Run closed = run("scan", "--format", "compact", "--rule", "ADM003", "--as-of", "2025-01-01", tf.toString());
    assertEquals(0, closed.code(), closed.out() + closed.err());
    assertEquals("", closed.out());
    Run bad = run("scan", "--format", "compact", "--as-of", "2025-02-30", tf.toString());
    assertEquals(2, bad.code());
    assertEquals("iamlint: --as-of: '2025-02-30' is not a date (YYYY-MM-DD)", bad.err().strip());
  }

  @Test
  void severalFormatsInOneRunEachWrittenOnce() throws IOException {
    Path json = dir.resolve("out/report.json");
    Run r = run("scan", "--format", "compact", "--format", "json=" + json, dir.resolve("stack.yaml").toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("[ADM001]"));
    assertTrue(Files.readString(json).contains("\"ruleId\": \"ADM001\""));
  }

  @Test
  void parametersComeFromFlagsAndFiles() throws IOException {
    Files.writeString(dir.resolve("stack.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Policy: { Type: String }
        Resources:
          Ops:
            Type: AWS::IAM::Group
            Properties:
              ManagedPolicyArns: [!Ref Policy]
        """);
    assertEquals(0, run("scan", "--rule", "ADM001", dir.toString()).code(), "unknown parameter: no finding");
    assertEquals(1, run("scan", "--rule", "ADM001", "--parameter",
        "Policy=arn:aws:iam::aws:policy/AdministratorAccess", dir.toString()).code());
    Path params = dir.resolve("params.json");
    Files.writeString(params, "[{\"ParameterKey\": \"Policy\", \"ParameterValue\": \"arn:aws-cn:iam::aws:policy/AdministratorAccess\"}]");
    Run r = run("scan", "--rule", "ADM001", "--format", "compact", "--parameter-file", params.toString(), dir.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("given on the command line"), r.out());
  }

  /** {@code iamlint rules} alone is answered without building the command model: the same listing. */
  @Test
  void thePlainRuleListingIsTheTextFormat() {
    Run plain = run("rules");
    Run text = run("rules", "--format", "text");
    assertEquals(0, plain.code(), plain.err());
    assertEquals(text.out(), plain.out());
    assertTrue(plain.out().startsWith("ADM001"), plain.out());
  }

  @Test
  void rulesAndExplainComeFromTheMetadata() {
    Run rules = run("rules", "--format", "json");
    assertEquals(0, rules.code());
    JsonArray list = JsonParser.parseString(rules.out()).getAsJsonObject().getAsJsonArray("rules");
    assertTrue(list.size() >= 21);
    Run explain = run("explain", "admin-policy-attached");
    assertEquals(0, explain.code());
    assertTrue(explain.out().startsWith("ADM001 admin-policy-attached"), explain.out());
    assertTrue(explain.out().contains("Noncompliant"), explain.out());
    assertEquals(2, run("explain", "XYZ123").code());
  }

  // interfaces.md: a path given on the command line that does not exist is exit 2.
  @Test
  void aPathThatIsNotThereIsAUsageError() {
    Run r = run("scan", "--format", "json", dir.resolve("does-not-exist").toString(), dir.toString());
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertEquals("iamlint: " + dir.resolve("does-not-exist") + ": no such file or directory", r.err().strip());
  }

  // Pre-commit passes only the changed file: the trail in another folder of the project counts.
  @Test
  void aFileOfAProjectIsJudgedAgainstTheWholeProject() throws IOException {
    Path project = dir.resolve("project");
    Files.createDirectories(project.resolve("iam"));
    Files.createDirectories(project.resolve("audit"));
    Files.writeString(project.resolve(".iamlint.yaml"), "# marks the project root\n");
    Files.move(dir.resolve("stack.yaml"), project.resolve("audit/stack.yaml"));
    Files.writeString(project.resolve("iam/user.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Alice:
            Type: AWS::IAM::User
            Properties:
              Groups: [ops]
        """);
    Path user = project.resolve("iam/user.yaml");
    Run partial = run("scan", "--format", "compact", user.toString());
    assertEquals(0, partial.code(), partial.out() + partial.err());
    Run alone = run("scan", "--format", "compact", "--project-root", project.resolve("iam").toString(), user.toString());
    assertEquals(1, alone.code(), alone.out() + alone.err());
    assertTrue(alone.out().contains("[CT001]"), "judged alone, the user's file has no trail: " + alone.out());
    // Summaries link to paths relative to the project root, wherever the scan runs from.
    Run markdown = run("scan", "--format", "markdown", "--project-root", project.resolve("iam").toString(), user.toString());
    assertTrue(markdown.out().contains("](user.yaml#L3)") || markdown.out().contains("/user.yaml#L3)"), markdown.out());
    assertTrue(!markdown.out().contains(project.toString()), "no absolute path in links: " + markdown.out());
    Run github = run("scan", "--format", "github", "--project-root", project.resolve("iam").toString(), user.toString());
    assertTrue(github.out().contains(" file=user.yaml,"), "annotations name the file from the root: " + github.out());
    // interfaces.md: paths in SARIF and GitLab reports are relative to the project root too.
    Run sarif = run("scan", "--format", "sarif", "--project-root", project.resolve("iam").toString(), user.toString());
    assertTrue(sarif.out().contains("\"uri\": \"user.yaml\""), sarif.out());
    Run gitlab = run("scan", "--format", "gitlab", "--project-root", project.resolve("iam").toString(), user.toString());
    assertTrue(gitlab.out().contains("\"path\": \"user.yaml\""), gitlab.out());
  }

  @Test
  void noIgnoreAlsoScansWhatGitignoreAndBuildFoldersExclude() throws IOException {
    Files.writeString(dir.resolve(".gitignore"), "generated/\n");
    Files.createDirectories(dir.resolve("generated"));
    Files.createDirectories(dir.resolve(".aws-sam/build"));
    Files.copy(dir.resolve("stack.yaml"), dir.resolve("generated/stack.yaml"));
    Files.copy(dir.resolve("stack.yaml"), dir.resolve(".aws-sam/build/template.yaml"));
    Run honoured = run("scan", "--format", "compact", "--rule", "ADM001", dir.toString());
    assertEquals(1, honoured.out().lines().count(), honoured.out());
    Run all = run("scan", "--format", "compact", "--rule", "ADM001", "--no-ignore", dir.toString());
    assertEquals(3, all.out().lines().count(), all.out());
  }

  @Test
  void projectAndChangeOptionsAreCheckedBeforeScanning() {
    Run outside = run("scan", "--project-root", dir.resolve("sub").toString(), dir.resolve("stack.yaml").toString());
    assertEquals(2, outside.code());
    assertTrue(outside.err().contains("not a directory"), outside.err());
    Run notUnder = run("scan", "--project-root", dir.toString(), dir.getParent().toString());
    assertEquals(2, notUnder.code());
    assertTrue(notUnder.err().contains("lies outside the project root"), notUnder.err());
    Run lines = run("scan", "--changed-lines", dir.toString());
    assertEquals(2, lines.code());
    assertTrue(lines.err().contains("--changed-lines needs --changed-since"), lines.err());
  }

  @Test
  void changedSinceOutsideAGitRepositoryIsAOneLineError() {
    Run r = run("scan", "--changed-since", "HEAD", dir.toString());
    assertEquals(2, r.code(), r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("iamlint: --changed-since"), r.err());
    assertEquals("", r.out());
  }

  /** The build points XDG_CACHE_HOME into target/ for tests; a run elsewhere would use the user's cache. */
  @Test
  void theParseCacheChangesNothingAndNoCacheTurnsItOff() {
    Assumptions.assumeTrue(String.valueOf(System.getenv("XDG_CACHE_HOME")).contains("target"),
        "XDG_CACHE_HOME points into the build directory");
    Run plain = run("scan", "--format", "json", "--no-cache", "--debug", dir.toString());
    assertFalse(plain.err().contains("cache"), plain.err());
    Run cold = run("scan", "--format", "json", "--debug", dir.toString());
    Run warm = run("scan", "--format", "json", "--debug", dir.toString());
    assertEquals(plain.out(), cold.out());
    assertEquals(plain.out(), warm.out());
    assertTrue(warm.err().matches("(?s).*iamlint: cache: 1 reused, 0 parsed, 0 rejected, 0 written; evaluations: [0-9]+ reused, 0 kept.*"), warm.err());
  }

  // The version is answered without building the command model; it must say what picocli says.
  @Test
  void versionIsTheSameOnTheFastPathAndThroughTheCommands() {
    Run fast = run("--version");
    Run viaCommand = run("scan", "--version");
    assertEquals(0, fast.code());
    assertEquals(viaCommand.out(), fast.out());
    assertTrue(fast.out().startsWith("iamlint "), fast.out());
    assertEquals(fast.out(), run("-V").out());
    // The version, the commit the build recorded (git may be absent: "unknown") and the date of
    // the bundled IAM data, as data-sources.properties gives it.
    List<String> lines = fast.out().lines().toList();
    assertEquals(3, lines.size(), fast.out());
    assertTrue(lines.get(0).matches("iamlint \\d+\\.\\d+\\.\\d+.*"), lines.get(0));
    assertTrue(lines.get(1).matches("commit ([0-9a-f]{40}(-modified)?|unknown)"), lines.get(1));
    assertTrue(lines.get(2).matches("IAM data: actions \\d{4}-\\d\\d-\\d\\d \\(.+\\), managed policies \\d{4}-\\d\\d-\\d\\d \\(.+\\)"),
        lines.get(2));
  }

  // interfaces.md: SARIF's originalUriBaseIds gives %SRCROOT%, the repository root, and every
  // artifact uri is relative to it, the same from the root and from a subdirectory; a file
  // named "c:d.yaml" stays a relative reference (not the scheme "c"). The working directory of a
  // JVM cannot change: the scans run in child JVMs.
  @Test
  void sarifUrisAreRelativeToTheSourceRootFromAnyDirectory() throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("infra/sub"));
    Files.copy(dir.resolve("stack.yaml"), repo.resolve("infra/c:d.yaml"));
    Files.copy(dir.resolve("stack.yaml"), repo.resolve("infra/sub/a b.yaml"));
    String fromRoot = childScan(repo, "scan", "--format", "sarif", "--no-cache", "infra");
    String fromSub = childScan(repo.resolve("infra/sub"), "scan", "--format", "sarif", "--no-cache", "..");
    assertEquals(locations(fromRoot), locations(fromSub), "the same locations from the root and from a subdirectory");
    JsonObject run = JsonParser.parseString(fromRoot).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
    URI base = URI.create(run.getAsJsonObject("originalUriBaseIds").getAsJsonObject("%SRCROOT%").get("uri").getAsString());
    assertEquals(repo.toRealPath().toUri(), base);
    Set<Path> files = new HashSet<>();
    for (var result : run.getAsJsonArray("results")) {
      JsonObject artifact = result.getAsJsonObject().getAsJsonArray("locations").get(0).getAsJsonObject()
          .getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation");
      assertEquals("%SRCROOT%", artifact.get("uriBaseId").getAsString(), artifact.toString());
      URI uri = new URI(artifact.get("uri").getAsString());
      assertEquals(null, uri.getScheme(), "a relative reference: " + uri);
      files.add(Path.of(base.resolve(uri)));
    }
    assertEquals(Set.of(repo.toRealPath().resolve("infra/c:d.yaml"), repo.toRealPath().resolve("infra/sub/a b.yaml")), files);
    assertTrue(fromRoot.contains("\"uri\": \"infra/c%3Ad.yaml\""), fromRoot);
  }

  /** The base uris and every result's artifact location, in order. */
  private static List<String> locations(String sarif) {
    JsonObject run = JsonParser.parseString(sarif).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
    List<String> all = new ArrayList<>(List.of(run.getAsJsonObject("originalUriBaseIds").toString()));
    for (var result : run.getAsJsonArray("results")) {
      all.add(result.getAsJsonObject().getAsJsonArray("locations").toString());
    }
    return all;
  }

  /** iamlint's stdout in a child JVM started in {@code directory}. */
  static String childScan(Path directory, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(directory.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM finished");
    assertEquals(1, p.exitValue(), out);
    return out;
  }

  // picocli's suggestions survive iamlint's own usage-error handler.
  @Test
  void aMistypedCommandOrOptionGetsASuggestion() {
    Run command = run("scna", dir.toString());
    assertEquals(2, command.code());
    assertTrue(command.err().contains("Did you mean") && command.err().contains("scan"), command.err());
    Run option = run("scan", "--fail-onn", "high", dir.toString());
    assertEquals(2, option.code());
    assertTrue(option.err().contains("Possible solutions: --fail-on"), option.err());
  }

  @Test
  void scanHelpListsEveryFormat() {
    Run help = run("scan", "--help");
    assertEquals(0, help.code(), help.err());
    String flat = help.out().replaceAll("\\s+", " ");
    for (String format : OutputFormat.NAMES) {
      assertTrue(Pattern.compile("Output format:.*\\b" + format + "\\b").matcher(flat).find(), format + " in: " + help.out());
    }
  }

  // Regression: the config was looked up from the first path only, so the order in which
  // pre-commit passed files of two folders decided whose config applied to both.
  @Test
  void theOrderOfTheScannedPathsDoesNotDecideTheConfig() throws IOException {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("infra/legacy"));
    Files.createDirectories(repo.resolve("other"));
    Files.writeString(repo.resolve("infra/.iamlint.yaml"), "exclude: [\"legacy/**\"]\n");
    String admin = Files.readString(dir.resolve("stack.yaml"));
    Files.writeString(repo.resolve("infra/legacy/old.yaml"), admin);
    Files.writeString(repo.resolve("other/o.yaml"), admin);
    String a = repo.resolve("infra/legacy/old.yaml").toString();
    String b = repo.resolve("other/o.yaml").toString();
    Run forward = run("scan", "--format", "compact", "--no-cache", a, b);
    Run backward = run("scan", "--format", "compact", "--no-cache", b, a);
    assertEquals(forward.out(), backward.out());
    assertEquals(forward.code(), backward.code());
  }

  // Files of two projects passed together (pre-commit in a repository holding several) are each
  // judged against their own project, with its own config: as when each is passed alone.
  @Test
  void filesOfTwoProjectsAreEachJudgedAsWhenPassedAlone() throws IOException {
    Path repo = dir.resolve("mono");
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("team-a"));
    Files.createDirectories(repo.resolve("team-b"));
    Files.writeString(repo.resolve("team-a/.iamlint.yaml"), "cloudtrail: external\nfail_on: critical\n");
    String admin = Files.readString(dir.resolve("stack.yaml")).replaceAll("(?s)  Trail:.*", "");
    Files.writeString(repo.resolve("team-a/admin.yaml"), admin);
    Files.writeString(repo.resolve("team-b/admin.yaml"), admin);
    String a = repo.resolve("team-a/admin.yaml").toString();
    String b = repo.resolve("team-b/admin.yaml").toString();
    Run aloneA = run("scan", "--format", "compact", "--no-cache", a);
    Run aloneB = run("scan", "--format", "compact", "--no-cache", b);
    Run together = run("scan", "--format", "compact", "--no-cache", a, b);
    Set<String> union = new TreeSet<>(aloneA.out().lines().toList());
    union.addAll(aloneB.out().lines().toList());
    assertEquals(union, new TreeSet<>(together.out().lines().toList()));
    assertTrue(aloneA.out().lines().noneMatch(l -> l.contains("[CT001]")), "team-a's config says the trail is external");
    assertEquals(0, aloneA.code(), "team-a fails on critical only: " + aloneA.out());
    assertEquals(1, together.code(), "team-b's high finding fails the run");
    assertEquals(together.out(), run("scan", "--format", "compact", "--no-cache", b, a).out());
  }

  // --color=always colours the text report even in a pipe (a CI log that renders colours);
  // never and the default (no terminal here) do not; a bad value is a usage error.
  @Test
  void colorWhenAsked() {
    assertTrue(run("scan", "--color=always", dir.toString()).out().contains("\u001b["), "always: escape sequences");
    assertTrue(!run("scan", "--color=never", dir.toString()).out().contains("\u001b["), "never: none");
    assertTrue(!run("scan", dir.toString()).out().contains("\u001b["), "auto, not a terminal: none");
    assertEquals(2, run("scan", "--color=sometimes", dir.toString()).code());
  }

  // --progress draws a line on stderr (redrawn with carriage returns) and clears it; stdout is
  // the same report as without it. Without --progress and without a terminal there is none.
  @Test
  void theProgressLineGoesToStderrAndIsCleared() {
    Run plain = run("scan", "--format", "compact", dir.toString());
    Run shown = run("scan", "--format", "compact", "--progress", dir.toString());
    assertEquals(plain.out(), shown.out());
    assertEquals("", plain.err());
    assertTrue(shown.err().startsWith("\riamlint: "), shown.err());
    assertTrue(shown.err().endsWith("\r"), "the line is cleared at the end: " + shown.err());
  }
}
