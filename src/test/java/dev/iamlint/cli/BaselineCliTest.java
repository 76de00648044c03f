package dev.iamlint.cli;

import static dev.iamlint.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines and --show-suppressed: what a team adopting iamlint on an existing project relies on. */
class BaselineCliTest {
  @TempDir
  Path dir;

  private static final String GROUP = """
        %s:
          Type: AWS::IAM::Group
          Properties:
            ManagedPolicyArns:
              - arn:aws:iam::aws:policy/%s
      """;

  private void template(String... resources) throws IOException {
    Files.writeString(dir.resolve("stack.yaml"), "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n" + String.join("", resources));
  }

  private CliTest.Run scan(String... extra) {
    String[] args = new String[extra.length + 6];
    args[0] = "scan";
    args[1] = "--cloudtrail-external";
    args[2] = "--format";
    args[3] = "compact";
    args[4] = "--no-config";
    System.arraycopy(extra, 0, args, 5, extra.length);
    args[args.length - 1] = dir.resolve("stack.yaml").toString();
    return run(args);
  }

  @Test
  void aBaselineHidesKnownFindingsAcrossUnrelatedEditsButNotNewOnes() throws IOException {
    Path baseline = dir.resolve("iamlint-baseline.json");
    template(GROUP.formatted("Ops", "AdministratorAccess"), GROUP.formatted("Audit", "SecurityAudit"));
    CliTest.Run written = scan("--write-baseline", baseline.toString());
    assertEquals(0, written.code(), written.err());
    assertTrue(written.err().contains("wrote 1 findings to the baseline"), written.err());
    JsonArray entries = JsonParser.parseString(Files.readString(baseline)).getAsJsonObject().getAsJsonArray("findings");
    assertEquals("ADM001", entries.get(0).getAsJsonObject().get("ruleId").getAsString());

    assertEquals(0, scan("--baseline", baseline.toString()).code());

    // Unrelated edits: a new resource above, the admin group moved down, another group changed.
    template(GROUP.formatted("Audit", "ReadOnlyAccess"), "  Bucket:\n    Type: AWS::S3::Bucket\n",
        GROUP.formatted("Ops", "AdministratorAccess"));
    CliTest.Run moved = scan("--baseline", baseline.toString());
    assertEquals(0, moved.code(), "the fingerprint survives unrelated edits: " + moved.out());

    // The substance changes: admin now on another group, and a second admin group.
    template(GROUP.formatted("Ops", "ReadOnlyAccess"), GROUP.formatted("Deployers", "AdministratorAccess"));
    CliTest.Run changed = scan("--baseline", baseline.toString());
    assertEquals(1, changed.code());
    assertTrue(changed.out().contains("[ADM001]") && changed.out().contains("Resources.Deployers"), changed.out());

    CliTest.Run shown = scan("--baseline", baseline.toString(), "--show-suppressed");
    assertEquals(1, shown.code(), "accepted findings never fail the run, new ones do");
    template(GROUP.formatted("Ops", "AdministratorAccess"));
    CliTest.Run accepted = scan("--baseline", baseline.toString(), "--show-suppressed");
    assertEquals(0, accepted.code());
    assertTrue(accepted.out().contains("[suppressed, baseline: in the baseline"), accepted.out());
  }

  /** iamlint in a process of its own, run from {@code cwd}: the working directory is what this test is about. */
  private static String runIn(Path cwd, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        "dev.iamlint.cli.Main"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  /** A baseline written at the repository root holds when iamlint runs in a subdirectory, and the other way round. */
  @Test
  void fingerprintsDoNotDependOnTheWorkingDirectory() throws IOException, InterruptedException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Path stacks = Files.createDirectories(repo.resolve("stacks"));
    Files.writeString(stacks.resolve("stack.yaml"), "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n"
        + GROUP.formatted("Ops", "AdministratorAccess") + GROUP.formatted("Devs", "PowerUserAccess"));
    String fromRoot = runIn(repo, "scan", "--no-cache", "--cloudtrail-external", "--format", "json", "stacks/stack.yaml");
    String fromBelow = runIn(stacks, "scan", "--no-cache", "--cloudtrail-external", "--format", "json", "stack.yaml");
    List<String> rootPrints = fingerprints(fromRoot);
    assertEquals(rootPrints, fingerprints(fromBelow), fromRoot + fromBelow);
    assertTrue(rootPrints.size() >= 2, fromRoot);

    Path baseline = dir.resolve("baseline.json");
    runIn(repo, "scan", "--no-cache", "--cloudtrail-external", "--write-baseline", baseline.toString(), "stacks");
    String below = runIn(stacks, "scan", "--no-cache", "--cloudtrail-external", "--format", "compact", "--baseline",
        baseline.toString(), ".");
    assertFalse(below.contains("[ADM001]") || below.contains("[ADM002]"), below);
  }

  private static List<String> fingerprints(String json) {
    List<String> out = new ArrayList<>();
    for (var e : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("findings")) {
      out.add(e.getAsJsonObject().get("fingerprint").getAsString());
    }
    return out;
  }

  @Test
  void aBrokenBaselineIsExitTwo() throws IOException {
    template(GROUP.formatted("Ops", "AdministratorAccess"));
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"not\": \"a baseline\"}");
    CliTest.Run r = scan("--baseline", bad.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("iamlint: cannot read baseline: "), r.err());
  }

  @Test
  void suppressedFindingsAreShownWithTheirReasonOnlyWhenAsked() throws IOException {
    template("""
          # iamlint:ignore ADM001 -- break-glass group, reviewed 2026-11
          Ops:
            Type: AWS::IAM::Group
            Properties:
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/AdministratorAccess
        """);
    CliTest.Run hidden = scan();
    assertEquals(0, hidden.code());
    assertEquals("", hidden.out());

    CliTest.Run json = run("scan", "--no-config", "--cloudtrail-external", "--show-suppressed", "--format", "json",
        dir.resolve("stack.yaml").toString());
    assertEquals(0, json.code(), "suppressed findings never fail the run");
    JsonObject root = JsonParser.parseString(json.out()).getAsJsonObject();
    JsonObject finding = root.getAsJsonArray("findings").get(0).getAsJsonObject();
    JsonObject suppressed = finding.getAsJsonObject("suppressed");
    assertEquals("inline", suppressed.get("kind").getAsString());
    assertEquals("break-glass group, reviewed 2026-11", suppressed.get("reason").getAsString());
    assertEquals(3, suppressed.getAsJsonObject("location").get("startLine").getAsInt());
    assertEquals(0, root.getAsJsonObject("summary").get("findings").getAsInt());
    assertEquals(1, root.getAsJsonObject("summary").get("suppressed").getAsInt());

    CliTest.Run sarif = run("scan", "--no-config", "--cloudtrail-external", "--show-suppressed", "--format", "sarif",
        dir.resolve("stack.yaml").toString());
    JsonObject result = JsonParser.parseString(sarif.out()).getAsJsonObject().getAsJsonArray("runs").get(0)
        .getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject();
    JsonObject s = result.getAsJsonArray("suppressions").get(0).getAsJsonObject();
    assertEquals("inSource", s.get("kind").getAsString());
    assertEquals("break-glass group, reviewed 2026-11", s.get("justification").getAsString());

    CliTest.Run text = run("scan", "--no-config", "--cloudtrail-external", "--show-suppressed", dir.resolve("stack.yaml").toString());
    assertTrue(text.out().contains("suppressed (inline): break-glass group, reviewed 2026-11"), text.out());
    assertTrue(text.out().contains("No findings") && text.out().contains("1 suppressed finding shown."), text.out());

    CliTest.Run junit = run("scan", "--no-config", "--cloudtrail-external", "--show-suppressed", "--format", "junit",
        dir.resolve("stack.yaml").toString());
    assertTrue(junit.out().contains("<skipped message=\"suppressed (inline): break-glass group, reviewed 2026-11\"/>"), junit.out());
    assertFalse(junit.out().contains("<failure"), junit.out());
  }

  // A file that does not parse is never passed in silence: no baseline holds it, whatever its
  // entries say, and none is written with it; --rule does not hide it, --skip-rule SYN001 does.
  @Test
  void aSyntaxErrorIsNeverBaselinedNorDeselectedByRule() throws IOException {
    Files.writeString(dir.resolve("stack.yaml"), "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: [\n");
    Path baseline = dir.resolve("iamlint-baseline.json");
    CliTest.Run written = scan("--write-baseline", baseline.toString());
    assertTrue(written.err().contains("wrote 0 findings to the baseline"), written.err());
    CliTest.Run json = run("scan", "--no-config", "--format", "json", dir.resolve("stack.yaml").toString());
    JsonObject syntax = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("findings").get(0).getAsJsonObject();
    assertEquals("SYN001", syntax.get("ruleId").getAsString());
    Files.writeString(baseline, "{\"findings\": [{\"fingerprint\": \"" + syntax.get("fingerprint").getAsString()
        + "\", \"ruleId\": \"SYN001\"}]}");
    CliTest.Run baselined = scan("--baseline", baseline.toString(), "--rule", "ADM001");
    assertEquals(1, baselined.code(), baselined.out() + baselined.err());
    assertTrue(baselined.out().contains("[SYN001]"), baselined.out());
    assertEquals(0, scan("--baseline", baseline.toString(), "--skip-rule", "SYN001").code());
  }
}
