package dev.iamlint.report;

import dev.iamlint.rule.Finding;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * GitHub Actions workflow commands: one {@code ::error}/{@code ::warning}/{@code ::notice}
 * annotation per finding, with the values escaped as the runner expects. The most severe come
 * first: GitHub displays only 10 annotations of each level per step (and 50 per job), so the ones
 * it shows are the critical and high ones.
 */
public final class GithubReporter implements Reporter {
  private final UnaryOperator<String> repositoryPath;

  /** Paths as reported (relative to the working directory). */
  public GithubReporter() {
    this(UnaryOperator.identity());
  }

  /**
   * {@code repositoryPath} maps a reported path to the path from the repository root: GitHub
   * attaches an annotation to a file by that path, whatever the step's working directory.
   */
  public GithubReporter(UnaryOperator<String> repositoryPath) {
    this.repositoryPath = repositoryPath;
  }

  @Override
  public void write(Report report, Appendable out) throws IOException {
    for (Finding f : report.activeBySeverity()) {
      String command = switch (f.severity()) {
        case CRITICAL, HIGH -> "error";
        case MEDIUM -> "warning";
        case LOW, INFO -> "notice";
      };
      out.append("::").append(command).append(" file=").append(property(repositoryPath.apply(f.location().file())))
          .append(",line=").append(String.valueOf(f.location().startLine()))
          .append(",col=").append(String.valueOf(f.location().startColumn()))
          .append(",endLine=").append(String.valueOf(f.location().endLine()))
          .append(",endColumn=").append(String.valueOf(f.location().endColumn()))
          .append(",title=").append(property("[" + f.ruleId() + "] " + f.slug()))
          .append("::").append(data(f.message() + " (" + f.resource().address() + ")")).append('\n');
    }
  }

  /** The runner ends a command at a line break and decodes %XX: both are escaped in the message. */
  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value also ends at "," (the next property) and ":" (the message). */
  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
