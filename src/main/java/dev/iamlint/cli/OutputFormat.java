package dev.iamlint.cli;

import dev.iamlint.report.CheckstyleReporter;
import dev.iamlint.report.CompactReporter;
import dev.iamlint.report.GithubReporter;
import dev.iamlint.report.GitlabReporter;
import dev.iamlint.report.HtmlReporter;
import dev.iamlint.report.JUnitReporter;
import dev.iamlint.report.JsonReporter;
import dev.iamlint.report.MarkdownReporter;
import dev.iamlint.report.Reporter;
import dev.iamlint.report.SarifReporter;
import dev.iamlint.report.SourceLinks;
import dev.iamlint.report.TextReporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/** One {@code -f FMT[=FILE]} request. */
record OutputFormat(String name, Optional<Path> file) {
  static final List<String> NAMES = List.of("text", "compact", "json", "sarif", "junit",
      "checkstyle", "github", "gitlab", "html", "markdown");

  /** Paths as reported (relative to the working directory) are taken to be relative to the project root. */
  Reporter reporter(boolean color) {
    Path cwd = Path.of("").toAbsolutePath();
    return reporter(color, UnaryOperator.identity(), System.getenv(), cwd, cwd);
  }

  /**
   * {@code projectPath} maps a reported path (relative to the working directory, '/'-separated) to
   * the path relative to the project root; {@code env} says which forge and commit links point to;
   * SARIF paths are relative to {@code sourceRoot} (the repository root), resolved from {@code cwd}.
   */
  Reporter reporter(boolean color, UnaryOperator<String> projectPath, Map<String, String> env, Path cwd, Path sourceRoot) {
    return reporter(color, projectPath, env, cwd, sourceRoot, SourceLines.CURRENT_DIRECTORY);
  }

  /** {@code sources}: the lines of a reported file a report may quote (html), when it may quote any. */
  Reporter reporter(boolean color, UnaryOperator<String> projectPath, Map<String, String> env, Path cwd, Path sourceRoot,
      Function<String, Optional<List<String>>> sources) {
    return switch (name) {
      case "compact" -> new CompactReporter();
      case "json" -> new JsonReporter();
      case "sarif" -> new SarifReporter(cwd, sourceRoot);
      case "junit" -> new JUnitReporter();
      case "checkstyle" -> new CheckstyleReporter();
      case "github" -> new GithubReporter(projectPath);
      case "gitlab" -> new GitlabReporter(projectPath);
      case "html" -> new HtmlReporter(sources);
      case "markdown" -> new MarkdownReporter(projectPath, SourceLinks.fromEnvironment(env));
      default -> new TextReporter(color);
    };
  }

  static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      int eq = value.indexOf('=');
      String name = (eq < 0 ? value : value.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      if (!NAMES.contains(name)) {
        throw new CommandLine.TypeConversionException("unknown format '" + name + "' (available: "
            + String.join(", ", NAMES) + ")");
      }
      Optional<Path> file = eq < 0 ? Optional.empty() : Optional.of(Path.of(value.substring(eq + 1)));
      if (file.isPresent() && file.get().toString().isEmpty()) {
        throw new CommandLine.TypeConversionException("format '" + name + "=' needs a file name");
      }
      return new OutputFormat(name, file);
    }
  }
}
