package dev.iamlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.iamlint.cli.Main;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Severity;
import dev.iamlint.rules.Catalog;
import dev.iamlint.source.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * Every output format on the demo project: compared with its golden file under
 * {@code testdata/golden/} (regenerate with {@code -Diamlint.updateGolden=true}), and checked
 * for the structure its consumers read.
 */
class ReportFormatsTest {
  static final Path DEMO = Path.of("testdata", "demo");
  static final Path GOLDEN = Path.of("testdata", "golden");

  static String run(String format) {
    StringWriter out = new StringWriter();
    int code = Main.run(new String[] {"scan", "--format", format, "--no-color", DEMO.toString()}, new PrintWriter(out),
        new PrintWriter(new StringWriter()));
    assertEquals(1, code, "the demo has findings");
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "compact", "json", "sarif", "junit", "checkstyle", "github", "gitlab", "html", "markdown"})
  void matchesItsGoldenFile(String format) throws IOException {
    // The markdown links point at the commit when a CI names one: the golden has the relative links.
    assumeTrue(!format.equals("markdown") || SourceLinks.fromEnvironment(System.getenv()) instanceof SourceLinks.Relative,
        "a CI environment names a commit");
    String actual = run(format);
    // SARIF names the source root's absolute uri: the checkout's place differs between machines.
    if (format.equals("sarif")) actual = actual.replace(SarifReporter.directoryUri(Path.of("").toAbsolutePath()), "file:///SRCROOT/");
    Path golden = GOLDEN.resolve("demo." + format);
    if (Boolean.getBoolean("iamlint.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual);
    }
    assertEquals(Files.readString(golden), actual, "regenerate with -Diamlint.updateGolden=true if the change is intended");
  }

  @Test
  void sarifHasWhatGithubCodeScanningReads() {
    JsonObject sarif = JsonParser.parseString(run("sarif")).getAsJsonObject();
    assertEquals("2.1.0", sarif.get("version").getAsString());
    JsonObject run = sarif.getAsJsonArray("runs").get(0).getAsJsonObject();
    JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
    assertTrue(rules.size() > 20);
    for (var r : rules) {
      JsonObject rule = r.getAsJsonObject();
      assertTrue(rule.has("id") && rule.has("name") && rule.has("shortDescription") && rule.has("fullDescription")
          && rule.has("help") && rule.has("defaultConfiguration"), rule.toString());
      JsonObject props = rule.getAsJsonObject("properties");
      assertTrue(props.getAsJsonArray("tags").toString().contains("security"));
      assertTrue(props.get("security-severity").getAsString().matches("\\d+\\.\\d"));
    }
    JsonArray results = run.getAsJsonArray("results");
    assertTrue(results.size() > 5);
    for (var r : results) {
      JsonObject result = r.getAsJsonObject();
      JsonObject region = result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
          .getAsJsonObject("region");
      assertTrue(region.get("startLine").getAsInt() >= 1 && region.get("startColumn").getAsInt() >= 1);
      assertEquals(16, result.getAsJsonObject("partialFingerprints").get("iamlintFingerprint/v1").getAsString().length());
      assertTrue(result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
          .getAsJsonObject("artifactLocation").get("uri").getAsString().startsWith("testdata/demo/"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"junit", "checkstyle"})
  void xmlFormatsAreWellFormed(String format) throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(run(format).getBytes(StandardCharsets.UTF_8)));
    String root = doc.getDocumentElement().getTagName();
    assertEquals(format.equals("junit") ? "testsuites" : "checkstyle", root);
    int items = doc.getElementsByTagName(format.equals("junit") ? "failure" : "error").getLength();
    assertEquals(run("compact").lines().count(), items, "one entry per finding");
  }

  @Test
  void githubAnnotationsAreWorkflowCommands() {
    for (String line : run("github").lines().toList()) {
      assertTrue(line.matches("::(error|warning|notice) file=[^,]+,line=\\d+,col=\\d+,endLine=\\d+,endColumn=\\d+,title=[^:]+::.+"),
          line);
    }
  }

  /** One file that needs nothing else: no script, style, image or font is fetched. */
  @Test
  void htmlIsSelfContainedAndShowsEveryFindingWithItsSource() {
    String html = run("html");
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"));
    assertTrue(!html.matches("(?s).*(src|href)=\"(https?:|//).*") && !html.contains("@import") && !html.contains("url("),
        "nothing external");
    JsonArray findings = JsonParser.parseString(run("json")).getAsJsonObject().getAsJsonArray("findings");
    for (var f : findings) {
      JsonObject o = f.getAsJsonObject();
      assertTrue(html.contains(o.get("fingerprint").getAsString()), "every finding: " + o);
    }
    int articles = html.split("<article class=\"finding", -1).length - 1;
    assertEquals(findings.size(), articles);
    assertEquals(articles, html.split("tabindex=\"0\"", -1).length - 1, "every finding is focusable");
    assertTrue(html.contains("<span class=\"line hit\"><span class=\"ln\" aria-hidden=\"true\">10</span>  DeployUser:</span>"),
        "the source line of a finding is shown and marked");
    assertTrue(html.contains("Findings by severity") && html.contains("Findings by rule"));
    assertTrue(!html.contains("\"deploy\"") && html.contains("&quot;deploy&quot;"), "messages are escaped");
  }

  @Test
  void gitlabCodeQualityHasTheRequiredFields() {
    JsonArray issues = JsonParser.parseString(run("gitlab")).getAsJsonArray();
    for (var i : issues) {
      JsonObject issue = i.getAsJsonObject();
      assertTrue(issue.has("description") && issue.has("check_name") && issue.has("fingerprint") && issue.has("severity"));
      assertTrue(issue.getAsJsonObject("location").getAsJsonObject("lines").get("begin").getAsInt() >= 1);
    }
  }

  // interfaces.md: SARIF results carry iamlint's own fingerprint key, unique per result even
  // when one rule, resource and detail occur at two places.
  @Test
  void sarifAndGitlabFingerprintsAreUniquePerResult() throws IOException {
    Location a = new Location("t.yaml", 3, 1, 3, 10);
    Location b = new Location("t.yaml", 9, 1, 9, 10);
    ResourceRef resource = new ResourceRef("t.yaml", "Resources.Ops", "AWS::IAM::Group", a, a);
    List<Finding> twice = List.of(
        new Finding("ADM001", "admin-policy-attached", Severity.HIGH, "m", a, resource,
            List.of(), "same"),
        new Finding("ADM001", "admin-policy-attached", Severity.HIGH, "m", b, resource,
            List.of(), "same"));
    StringBuilder out = new StringBuilder();
    new SarifReporter().write(new Report("test", twice, 1, 1, List.of(),
        List.of(Catalog.get("ADM001"))), out);
    JsonArray results = JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonArray("runs").get(0)
        .getAsJsonObject().getAsJsonArray("results");
    String first = results.get(0).getAsJsonObject().getAsJsonObject("partialFingerprints").get("iamlintFingerprint/v1").getAsString();
    String second = results.get(1).getAsJsonObject().getAsJsonObject("partialFingerprints").get("iamlintFingerprint/v1").getAsString();
    assertEquals(twice.get(0).fingerprint(), first);
    assertEquals(first + "/2", second);
    StringBuilder gitlab = new StringBuilder();
    new GitlabReporter().write(new Report("test", twice, 1, 1, List.of(),
        List.of(Catalog.get("ADM001"))), gitlab);
    JsonArray issues = JsonParser.parseString(gitlab.toString()).getAsJsonArray();
    assertEquals(List.of(first, first + "/2"), List.of(
        issues.get(0).getAsJsonObject().get("fingerprint").getAsString(),
        issues.get(1).getAsJsonObject().get("fingerprint").getAsString()), "GitLab shows one entry per fingerprint");
  }
}
