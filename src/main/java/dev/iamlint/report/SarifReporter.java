package dev.iamlint.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.iamlint.fix.Fix;
import dev.iamlint.fix.TextEdit;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Related;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.Severity;
import dev.iamlint.rule.Suppression;
import dev.iamlint.source.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning ingests it: one run, every enabled rule in
 * {@code tool.driver.rules} with its help and {@code security-severity}, each result with one
 * physical location (a uri relative to {@code %SRCROOT%}, the repository root, which
 * {@code originalUriBaseIds} gives), related locations, and the finding's fingerprint
 * as {@code partialFingerprints["iamlintFingerprint/v1"]} (interfaces.md): iamlint's own key, since
 * {@code primaryLocationLineHash} is the hash of line contents that code scanning computes
 * itself. The key is unique per result: a fingerprint that repeats in the report (the same rule,
 * resource and detail at two places) gets its occurrence number.
 */
public final class SarifReporter implements Reporter {
  /** The base id of every relative artifact uri; {@code originalUriBaseIds} says where it is. */
  static final String SRCROOT = "%SRCROOT%";

  private final Path workingDirectory;
  private final Path sourceRoot;

  /** Paths as reported, relative to the working directory, which is the source root. */
  public SarifReporter() {
    this(Path.of("").toAbsolutePath(), Path.of("").toAbsolutePath());
  }

  /**
   * {@code sourceRoot}: the directory artifact uris are relative to ({@code %SRCROOT%}), the root
   * of the repository holding the project, as code scanning places a result by its path from the
   * repository root; reported paths are resolved against {@code workingDirectory}, so the uris do
   * not change with the directory the scan ran in. A file outside the root gets an absolute uri.
   */
  public SarifReporter(Path workingDirectory, Path sourceRoot) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.sourceRoot = sourceRoot.toAbsolutePath().normalize();
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
    for (Finding f : report.findings()) {
      JsonObject r = result(f, index, seen);
      if (!report.fixesOf(f).isEmpty()) r.add("fixes", fixes(report.fixesOf(f)));
      results.add(r);
    }
    run.add("results", results);
    JsonArray artifacts = new JsonArray();
    report.findings().stream().map(f -> f.location().file()).distinct().sorted().forEach(file -> {
      JsonObject a = new JsonObject();
      a.add("location", artifactLocation(file));
      artifacts.add(a);
    });
    run.add("artifacts", artifacts);
    JsonObject bases = new JsonObject();
    JsonObject srcroot = new JsonObject();
    srcroot.addProperty("uri", directoryUri(sourceRoot));
    srcroot.add("description", text("The root of the repository holding the scanned project."));
    bases.add(SRCROOT, srcroot);
    run.add("originalUriBaseIds", bases);
    run.addProperty("columnKind", "utf16CodeUnits");
    JsonArray runs = new JsonArray();
    runs.add(run);
    root.add("runs", runs);
    new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root, out);
    out.append('\n');
  }

  /** The rule's documentation (its rules/ID.yaml), where reports link a rule id to. */
  public static String helpUri(String ruleId) {
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
    f.resource().construct().ifPresent(c -> {
      // The CDK construct that wrote the resource: where its author looks for it.
      JsonObject construct = new JsonObject();
      construct.addProperty("fullyQualifiedName", c);
      construct.addProperty("kind", "module");
      logical.add(construct);
    });
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

  /**
   * SARIF 2.1.0 §3.55: each fix with its description and, per file, the replacements (a deleted
   * region, empty for an insertion, and the text inserted there).
   */
  private JsonArray fixes(List<Fix> fixes) {
    JsonArray out = new JsonArray();
    for (Fix fix : fixes) {
      JsonObject f = new JsonObject();
      f.add("description", text(fix.description()));
      Map<Path, JsonArray> byFile = new LinkedHashMap<>();
      for (TextEdit e : fix.edits()) {
        JsonObject deleted = new JsonObject();
        deleted.addProperty("startLine", e.startLine());
        deleted.addProperty("startColumn", e.startColumn());
        deleted.addProperty("endLine", e.endLine());
        deleted.addProperty("endColumn", e.endColumn());
        JsonObject replacement = new JsonObject();
        replacement.add("deletedRegion", deleted);
        replacement.add("insertedContent", text(e.newText()));
        byFile.computeIfAbsent(e.file(), k -> new JsonArray()).add(replacement);
      }
      JsonArray changes = new JsonArray();
      byFile.forEach((file, replacements) -> {
        JsonObject change = new JsonObject();
        change.add("artifactLocation", artifactLocation(file.toString().replace('\\', '/')));
        change.add("replacements", replacements);
        changes.add(change);
      });
      f.add("artifactChanges", changes);
      out.add(f);
    }
    return out;
  }

  private JsonObject location(Location l) {
    JsonObject physical = new JsonObject();
    physical.add("artifactLocation", artifactLocation(l.file()));
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

  /**
   * A reported path as an artifact location: relative to {@code %SRCROOT%} when the file lies
   * under it, else an absolute file uri (a base id goes only with a relative reference).
   */
  private JsonObject artifactLocation(String reported) {
    Path abs = workingDirectory.resolve(reported).normalize();
    JsonObject artifact = new JsonObject();
    if (abs.startsWith(sourceRoot)) {
      artifact.addProperty("uri", uri(sourceRoot.relativize(abs).toString().replace('\\', '/')));
      artifact.addProperty("uriBaseId", SRCROOT);
    } else {
      artifact.addProperty("uri", uri(abs.toString().replace('\\', '/')));
    }
    return artifact;
  }

  /** A directory as an absolute file uri ending in '/', as a base uri must. */
  static String directoryUri(Path dir) {
    String path = dir.toString().replace('\\', '/');
    if (!path.startsWith("/")) path = "/" + path;  // C:/x -> /C:/x
    return "file://" + encode(path.endsWith("/") ? path : path + "/", true);
  }

  /**
   * A path as a URI reference (RFC 3986): segments percent-encoded where URIs need it, and a ':'
   * encoded too in a relative path, so that "c:d.yaml" is not read as the scheme "c".
   */
  static String uri(String path) {
    return path.startsWith("/") ? "file://" + encode(path, true) : encode(path, false);
  }

  private static String encode(String path, boolean absolute) {
    StringBuilder sb = new StringBuilder();
    path.codePoints().forEach(c -> {
      if (c < 128 && (Character.isLetterOrDigit(c) || "-._~/!$&'()*+,;=@".indexOf(c) >= 0 || c == ':' && absolute)) {
        sb.append((char) c);
      } else {
        for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) sb.append(String.format("%%%02X", b));
      }
    });
    return sb.toString();
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
