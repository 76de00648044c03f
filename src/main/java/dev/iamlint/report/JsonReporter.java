package dev.iamlint.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Related;
import dev.iamlint.rule.Severity;
import dev.iamlint.source.FileError;
import dev.iamlint.source.Location;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/** The {@code json} format of interfaces.md: stable field names, deterministic order. */
public final class JsonReporter implements Reporter {

  @Override
  public void write(Report report, Appendable out) throws IOException {
    JsonObject root = new JsonObject();
    JsonObject tool = new JsonObject();
    tool.addProperty("name", "iamlint");
    tool.addProperty("version", report.toolVersion());
    root.add("tool", tool);
    JsonArray findings = new JsonArray();
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    for (Finding f : report.findings()) {
      findings.add(finding(f));
      if (!f.isSuppressed()) bySeverity.merge(f.severity(), 1, Integer::sum);
    }
    root.add("findings", findings);
    JsonObject summary = new JsonObject();
    summary.addProperty("files", report.files());
    summary.addProperty("resources", report.resources());
    summary.addProperty("findings", report.active().size());
    if (!report.suppressed().isEmpty()) summary.addProperty("suppressed", report.suppressed().size());
    JsonObject sev = new JsonObject();
    bySeverity.forEach((k, v) -> sev.addProperty(k.label(), v));
    summary.add("bySeverity", sev);
    root.add("summary", summary);
    JsonArray errors = new JsonArray();
    for (FileError e : report.errors()) {
      JsonObject o = new JsonObject();
      o.addProperty("file", e.file());
      o.addProperty("message", e.message());
      errors.add(o);
    }
    root.add("errors", errors);
    new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root, out);
    out.append('\n');
  }

  private static JsonObject finding(Finding f) {
    JsonObject o = new JsonObject();
    o.addProperty("ruleId", f.ruleId());
    o.addProperty("rule", f.slug());
    o.addProperty("severity", f.severity().label());
    o.addProperty("message", f.message());
    o.add("location", location(f.location()));
    JsonObject resource = new JsonObject();
    resource.addProperty("address", f.resource().address());
    resource.addProperty("type", f.resource().type());
    resource.add("location", location(f.resource().location()));
    f.resource().construct().ifPresent(c -> resource.addProperty("construct", c));
    o.add("resource", resource);
    JsonArray related = new JsonArray();
    for (Related r : f.related()) {
      JsonObject ro = new JsonObject();
      ro.addProperty("message", r.message());
      ro.add("location", location(r.location()));
      related.add(ro);
    }
    o.add("related", related);
    o.addProperty("fingerprint", f.fingerprint());
    if (f.suppression().isPresent()) {
      JsonObject s = new JsonObject();
      s.addProperty("kind", f.suppression().get().kind().label());
      s.addProperty("reason", f.suppression().get().reason());
      f.suppression().get().at().ifPresent(at -> s.add("location", location(at)));
      o.add("suppressed", s);
    } else {
      o.add("suppressed", JsonNull.INSTANCE);
    }
    return o;
  }

  static JsonObject location(Location l) {
    JsonObject o = new JsonObject();
    o.addProperty("file", l.file());
    o.addProperty("startLine", l.startLine());
    o.addProperty("startColumn", l.startColumn());
    o.addProperty("endLine", l.endLine());
    o.addProperty("endColumn", l.endColumn());
    return o;
  }
}
