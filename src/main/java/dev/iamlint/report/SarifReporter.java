package dev.iamlint.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Related;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.Severity;
import dev.iamlint.rule.Suppression;
import dev.iamlint.source.Location;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning ingests it: one run, every enabled rule in
 * {@code tool.driver.rules} with its help and {@code security-severity}, each result with one
 * physical location (repository-relative uri), related locations, and the finding's fingerprint
 * as {@code partialFingerprints["iamlintFingerprint/v1"]} (interfaces.md): iamlint's own key, since
 * {@code primaryLocationLineHash} is the hash of line contents that code scanning computes
 * itself. The key is unique per result: a fingerprint that repeats in the report (the same rule,
 * resource and detail at two places) gets its occurrence number.
 */
public final class SarifReporter implements Reporter {
  private final java.util.function.UnaryOperator<String> repositoryPath;

  /** Paths as reported (relative to the working directory). */
  public SarifReporter() {
    this(java.util.function.UnaryOperator.identity());
  }

  /**
   * {@code repositoryPath} maps a reported path to the path from the repository root: code
   * scanning places a result by that path, whatever directory the scan ran in.
   */
  public SarifReporter(java.util.function.UnaryOperator<String> repositoryPath) {
    this.repositoryPath = repositoryPath;
  }

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT_KEY = "iamlintFingerprint/v1";

  @Override
  public void write(Report report, Appendable out) throws IOException {
    JsonObject root = new JsonObject();
    root.addProperty("$schema", SCHEMA);
    root.addProperty("version", "2.1.0");
    JsonObject run = new JsonObject();
    JsonObject driver = new JsonObject();
    driver.addProperty("name", "iamlint");
    driver.addProperty("version", report.toolVersion());
    driver.addProperty("semanticVersion", report.toolVersion());
    driver.addProperty("informationUri", "https://github.com/iamlint/iamlint");
    JsonArray rules = new JsonArray();
    Map<String, Integer> index = new HashMap<>();
    for (RuleMetadata m : report.rules()) {
      index.put(m.id(), rules.size());
      rules.add(rule(m));
    }
    driver.add("rules", rules);
    JsonObject tool = new JsonObject();
    tool.add("driver", driver);
    run.add("tool", tool);
    JsonArray results = new JsonArray();
    Map<String, Integer> seen = new HashMap<>();
    for (Finding f : report.findings()) results.add(result(f, index, seen));
    run.add("results", results);
    JsonArray artifacts = new JsonArray();
    report.findings().stream().map(f -> f.location().file()).distinct().sorted().forEach(file -> {
      JsonObject a = new JsonObject();
      JsonObject loc = new JsonObject();
      loc.addProperty("uri", uri(repositoryPath.apply(file)));
      a.add("location", loc);
      artifacts.add(a);
    });
    run.add("artifacts", artifacts);
    run.addProperty("columnKind", "utf16CodeUnits");
    JsonArray runs = new JsonArray();
    runs.add(run);
    root.add("runs", runs);
    new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root, out);
    out.append('\n');
  }

  /** The rule's documentation (its rules/ID.yaml), where reports link a rule id to. */
  static String helpUri(String ruleId) {
    return "https://github.com/iamlint/iamlint/blob/main/rules/" + ruleId + ".yaml";
  }

  private static JsonObject rule(RuleMetadata m) {
    JsonObject r = new JsonObject();
    r.addProperty("id", m.id());
    r.addProperty("name", pascal(m.slug()));
    r.add("shortDescription", text(m.title()));
    r.add("fullDescription", text(m.description()));
    JsonObject help = new JsonObject();
    help.addProperty("text", m.rationale() + "\n\n" + m.remediation());
    help.addProperty("markdown", "**" + m.title() + "**\n\n" + m.description() + "\n\n" + m.rationale()
        + "\n\n**How to fix**\n\n" + m.remediation());
    r.add("help", help);
    r.addProperty("helpUri", helpUri(m.id()));
    JsonObject config = new JsonObject();
    config.addProperty("level", level(m.severity()));
    r.add("defaultConfiguration", config);
    JsonObject props = new JsonObject();
    JsonArray tags = new JsonArray();
    tags.add("security");
    tags.add(m.category());
    props.add("tags", tags);
    props.addProperty("security-severity", securitySeverity(m.severity()));
    props.addProperty("slug", m.slug());
    r.add("properties", props);
    return r;
  }

  private JsonObject result(Finding f, Map<String, Integer> index, Map<String, Integer> seen) {
    JsonObject r = new JsonObject();
    r.addProperty("ruleId", f.ruleId());
    Integer i = index.get(f.ruleId());
    if (i != null) r.addProperty("ruleIndex", i);
    r.addProperty("level", level(f.severity()));
    r.add("message", text(f.message()));
    JsonArray locations = new JsonArray();
    JsonObject primary = location(f.location());
    JsonArray logical = new JsonArray();
    JsonObject resource = new JsonObject();
    resource.addProperty("fullyQualifiedName", f.resource().address());
    resource.addProperty("kind", "resource");
    logical.add(resource);
    primary.add("logicalLocations", logical);
    locations.add(primary);
    r.add("locations", locations);
    JsonArray related = new JsonArray();
    int id = 0;
    for (Related rel : f.related()) {
      JsonObject l = location(rel.location());
      l.addProperty("id", id++);
      l.add("message", text(rel.message()));
      related.add(l);
    }
    if (!related.isEmpty()) r.add("relatedLocations", related);
    JsonObject fingerprints = new JsonObject();
    int occurrence = seen.merge(f.fingerprint(), 1, Integer::sum);
    fingerprints.addProperty(FINGERPRINT_KEY, occurrence == 1 ? f.fingerprint() : f.fingerprint() + "/" + occurrence);
    r.add("partialFingerprints", fingerprints);
    JsonObject props = new JsonObject();
    props.addProperty("severity", f.severity().label());
    props.addProperty("resourceType", f.resource().type());
    r.add("properties", props);
    // Code scanning shows a suppressed result as dismissed, with the justification.
    f.suppression().ifPresent(s -> {
      JsonObject suppression = new JsonObject();
      suppression.addProperty("kind", s.kind() == Suppression.Kind.INLINE || s.kind() == Suppression.Kind.METADATA
          ? "inSource" : "external");
      suppression.addProperty("status", "accepted");
      suppression.addProperty("justification", s.reason());
      JsonArray list = new JsonArray();
      list.add(suppression);
      r.add("suppressions", list);
    });
    return r;
  }

  private JsonObject location(Location l) {
    JsonObject physical = new JsonObject();
    JsonObject artifact = new JsonObject();
    artifact.addProperty("uri", uri(repositoryPath.apply(l.file())));
    physical.add("artifactLocation", artifact);
    JsonObject region = new JsonObject();
    region.addProperty("startLine", l.startLine());
    region.addProperty("startColumn", l.startColumn());
    region.addProperty("endLine", l.endLine());
    region.addProperty("endColumn", Math.max(l.endColumn(), l.endLine() == l.startLine() ? l.startColumn() + 1 : 1));
    physical.add("region", region);
    JsonObject location = new JsonObject();
    location.add("physicalLocation", physical);
    return location;
  }

  /** A relative path as a URI reference: segments percent-encoded where URIs need it. */
  static String uri(String path) {
    StringBuilder sb = new StringBuilder();
    for (char c : path.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128 || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) sb.append(c);
      else {
        for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) sb.append(String.format("%%%02X", b));
      }
    }
    String s = sb.toString();
    return s.startsWith("/") ? "file://" + s : s;
  }

  private static JsonObject text(String t) {
    JsonObject o = new JsonObject();
    o.addProperty("text", t);
    return o;
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "1.0";
    };
  }

  private static String pascal(String slug) {
    StringBuilder sb = new StringBuilder();
    for (String part : slug.split("-")) {
      if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.toString();
  }
}
