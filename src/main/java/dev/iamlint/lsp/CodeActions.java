package dev.iamlint.lsp;

import dev.iamlint.fix.Fix;
import dev.iamlint.fix.Fixes;
import dev.iamlint.fix.SuppressionEdits;
import dev.iamlint.rule.Finding;
import dev.iamlint.source.Discovery;
import dev.iamlint.source.FileKind;
import dev.iamlint.source.SourceFile;
import dev.iamlint.source.SourceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * The code actions of the findings in a range: the certain quick fixes the fix engine gives
 * ({@link Fixes}) and a suppression where the next scan honours it ({@link SuppressionEdits}: a
 * comment above the resource, an entry of a template's Metadata), each as a workspace edit. Offered only while the document is the text the
 * findings were judged from: after a further edit their positions may no longer hold, and the
 * next diagnostics bring fresh ones.
 */
final class CodeActions {
  private CodeActions() {}

  static List<CodeAction> of(TextBuffer buffer, Range range, Diagnoser.Judged judged) {
    Optional<Path> self = IamlintLanguageServer.path(buffer.uri());
    if (self.isEmpty()) return List.of();
    TextBuffer judgedFrom = judged.open().get(self.get());
    if (judgedFrom == null || judgedFrom.version() != buffer.version()) return List.of();
    List<CodeAction> actions = new ArrayList<>();
    for (Diagnoser.Published p : judged.findings()) {
      if (p.finding().isEmpty() || !overlaps(p.diagnostic().getRange(), range)) continue;
      Finding finding = p.finding().get();
      Optional<SourceFile> source = source(judged, finding.resource().file());
      if (source.isEmpty()) continue;
      for (Fix fix : Fixes.certainFixes(finding, source.get(), judged.options())) {
        actions.add(action(fix.description(), fix, p, judged, true));
      }
      SuppressionEdits.suppress(finding, source.get(), REASON).ifPresent(fix -> actions.add(action(
          "Suppress " + finding.ruleId() + " here (with reason)", fix, p, judged, false)));
    }
    return actions;
  }

  /**
   * The reason a suppression is written with, for the user to replace: a suppression needs one to
   * be honoured (unless the config sets require_reason: false), and a code action cannot ask.
   */
  static final String REASON = "TODO: say why this is accepted";

  private static CodeAction action(String title, Fix fix, Diagnoser.Published p, Diagnoser.Judged judged, boolean preferred) {
    CodeAction action = new CodeAction(title);
    action.setKind(CodeActionKind.QuickFix);
    action.setDiagnostics(List.of(p.diagnostic()));
    action.setIsPreferred(preferred);
    action.setEdit(edit(fix, judged));
    return action;
  }

  /** The file that declares a finding's resource, as it was judged: the buffer when it is open, else the disk's text. */
  private static Optional<SourceFile> source(Diagnoser.Judged judged, String display) {
    Path path = judged.context().absolute(display);
    TextBuffer open = judged.open().get(path);
    Optional<String> text = open != null ? Optional.of(open.text())
        : SourceReader.confinedTo(judged.context().workingDirectory()).read(path, SourceReader.Encoding.UNICODE)
            instanceof SourceReader.Text t ? Optional.of(t.text()) : Optional.empty();
    if (text.isEmpty()) return Optional.empty();
    Optional<FileKind> kind = Discovery.kindOf(path.getFileName().toString(), text.get());
    return kind.map(k -> new SourceFile(path, display, k, judged.context().workingDirectory(), text.get()));
  }

  private static WorkspaceEdit edit(Fix fix, Diagnoser.Judged judged) {
    Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
    for (var e : fix.edits()) {
      Path file = e.file().toAbsolutePath().normalize();
      TextBuffer open = judged.open().get(file);
      String uri = open != null ? open.uri() : file.toUri().toString();
      Range range = new Range(new Position(e.startLine() - 1, e.startColumn() - 1), new Position(e.endLine() - 1,
          e.endColumn() - 1));
      changes.computeIfAbsent(uri, u -> new ArrayList<>()).add(new TextEdit(range, e.newText()));
    }
    return new WorkspaceEdit(changes);
  }

  /** Whether two ranges share a position (an empty range, the cursor, counts where it stands). */
  private static boolean overlaps(Range a, Range b) {
    return TextBuffer.contains(a, b.getStart()) || TextBuffer.contains(a, b.getEnd()) || TextBuffer.contains(b, a.getStart());
  }
}
