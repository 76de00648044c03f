package dev.iamlint.lsp;

import dev.iamlint.report.SarifReporter;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Related;
import dev.iamlint.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Findings as the protocol's diagnostics. */
final class Diagnostics {
  static final String SOURCE = "iamlint";

  private Diagnostics() {}

  /**
   * The diagnostic of {@code finding}; {@code file} turns a report's path into the absolute
   * path it names, {@code uri} an absolute path into the document URI the editor knows it by.
   */
  static Diagnostic of(Finding finding, Function<String, Path> file, Function<Path, String> uri) {
    Diagnostic d = new Diagnostic(range(finding), finding.message(), severity(finding.severity()), SOURCE,
        finding.ruleId());
    d.setCodeDescription(new DiagnosticCodeDescription(SarifReporter.helpUri(finding.ruleId())));
    List<Related> related = finding.related();
    if (!related.isEmpty()) {
      d.setRelatedInformation(related.stream().map(r -> new DiagnosticRelatedInformation(
          new Location(uri.apply(file.apply(r.location().file())), range(r)), r.message()))
          .toList());
    }
    return d;
  }

  /** critical and high are errors, medium a warning, low information, info a hint. */
  static DiagnosticSeverity severity(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> DiagnosticSeverity.Error;
      case MEDIUM -> DiagnosticSeverity.Warning;
      case LOW -> DiagnosticSeverity.Information;
      case INFO -> DiagnosticSeverity.Hint;
    };
  }

  /**
   * A location's range: iamlint counts lines and UTF-16 columns from 1 and ends a range one past
   * its last character, the protocol counts from 0 and ends a range at the character after it.
   */
  static Range range(Finding finding) {
    var at = finding.location();
    return range(at.startLine(), at.startColumn(), at.endLine(), at.endColumn());
  }

  private static Range range(Related related) {
    var at = related.location();
    return range(at.startLine(), at.startColumn(), at.endLine(), at.endColumn());
  }

  private static Range range(int startLine, int startColumn, int endLine, int endColumn) {
    return new Range(new Position(startLine - 1, startColumn - 1), new Position(endLine - 1, Math.max(0, endColumn - 1)));
  }
}
