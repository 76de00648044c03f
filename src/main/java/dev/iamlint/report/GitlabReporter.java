package dev.iamlint.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.iamlint.rule.Finding;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** GitLab Code Quality JSON: description, check_name, fingerprint, severity, location.path and lines. */
public final class GitlabReporter implements Reporter {
  private final UnaryOperator<String> repositoryPath;

  /** Paths as reported (relative to the working directory). */
  public GitlabReporter() {
    this(UnaryOperator.identity());
  }

  /** {@code repositoryPath} maps a reported path to the path from the repository root, as the widget expects. */
  public GitlabReporter(UnaryOperator<String> repositoryPath) {
    this.repositoryPath = repositoryPath;
  }


  @Override
  public void write(Report report, Appendable out) throws IOException {
    JsonArray issues = new JsonArray();
    Map<String, Integer> seen = new HashMap<>();
    for (Finding f : report.active()) {
      JsonObject o = new JsonObject();
      o.addProperty("description", "[" + f.ruleId() + "] " + f.message() + " (" + f.resource().address() + ")");
      o.addProperty("check_name", f.ruleId() + " " + f.slug());
      // GitLab shows one entry per fingerprint: a repeated one gets its occurrence number.
      int occurrence = seen.merge(f.fingerprint(), 1, Integer::sum);
      o.addProperty("fingerprint", occurrence == 1 ? f.fingerprint() : f.fingerprint() + "/" + occurrence);
      o.addProperty("severity", switch (f.severity()) {
        case CRITICAL -> "blocker";
        case HIGH -> "critical";
        case MEDIUM -> "major";
        case LOW -> "minor";
        case INFO -> "info";
      });
      JsonArray categories = new JsonArray();
      categories.add("Security");
      o.add("categories", categories);
      JsonObject location = new JsonObject();
      location.addProperty("path", repositoryPath.apply(f.location().file()));
      JsonObject lines = new JsonObject();
      lines.addProperty("begin", f.location().startLine());
      lines.addProperty("end", f.location().endLine());
      location.add("lines", lines);
      o.add("location", location);
      issues.add(o);
    }
    new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(issues, out);
    out.append('\n');
  }
}
