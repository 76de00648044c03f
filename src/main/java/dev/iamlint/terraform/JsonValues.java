package dev.iamlint.terraform;

import dev.iamlint.json.JsonLoader;
import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON text held in a string (a heredoc policy, a quoted policy, a file) read into values.
 * Positions inside the text are mapped into the file: a JSON line {@code n} lies {@code n - 1}
 * lines below where the string's text starts.
 */
public final class JsonValues {
  private JsonValues() {}

  /** The structure a string holds: what jsonencode made it from, or its JSON text parsed. */
  public static Optional<Value> structure(Value v) {
    if (!(v instanceof Value.Str s)) return Optional.empty();
    if (s.encoded().isPresent()) return s.encoded();
    String text = s.value();
    String trimmed = text.trim();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return Optional.empty();
    ParseResult parsed = JsonLoader.parse(s.location().file(), text);
    if (!(parsed instanceof ParseResult.Parsed p)) return Optional.empty();
    return Optional.of(convert(p.root(), s.location(), firstLineOffset(s), s.provenance()));
  }

  /**
   * The JSON structure of a file read by {@code file()} or rendered by {@code templatefile()},
   * located in that file ({@code display}) so findings point at the statement element there.
   * A rendered template is placed line for line; empty when the text is not JSON or a template
   * changed its number of lines.
   */
  public static Optional<Value> fromFile(String display, String text, int fileLines, Provenance provenance) {
    String trimmed = text.trim();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return Optional.empty();
    String[] lines = text.split("\n", -1);
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    if (count != fileLines || count < 2) return Optional.empty();
    ParseResult parsed = JsonLoader.parse(display, text);
    if (!(parsed instanceof ParseResult.Parsed p)) return Optional.empty();
    Location whole = new Location(display, 1, 1, count, lines[count - 1].length() + 1);
    return Optional.of(convert(p.root(), whole, 1, provenance));
  }

  /** Lines of a file's text, as {@link #fromFile} counts them. */
  public static int lineCount(String text) {
    String[] lines = text.split("\n", -1);
    return text.endsWith("\n") ? lines.length - 1 : lines.length;
  }

  /**
   * Where line 1 of the string's text is in the file. A heredoc's text starts on the line after
   * its opening marker; a quoted string on its own line.
   */
  private static int firstLineOffset(Value.Str s) {
    long lines = s.value().chars().filter(c -> c == '\n').count();
    int span = s.location().endLine() - s.location().startLine();
    // A heredoc spans one line more than its text (the marker line), ending on the closing marker.
    return span >= lines + 1 && lines > 0 ? s.location().startLine() + 1 : s.location().startLine();
  }

  private static Value convert(Node n, Location string, int firstLine, Provenance provenance) {
    Location at = place(n.location(), string, firstLine);
    if (n instanceof ScalarNode sc) {
      return switch (sc.kind()) {
        case NUMBER -> new Value.Num(new BigDecimal(sc.text()), at, provenance);
        case BOOLEAN -> new Value.Bool(Boolean.parseBoolean(sc.text()), at, provenance);
        case NULL -> new Value.Null(at, provenance);
        default -> new Value.Str(sc.text(), at, provenance);
      };
    }
    if (n instanceof ListNode l) {
      List<Value> items = new ArrayList<>();
      for (Node item : l.items()) items.add(convert(item, string, firstLine, provenance));
      return new Value.ListV(items, at, provenance);
    }
    MapNode m = (MapNode) n;
    List<Value.MapV.Entry> entries = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) {
      entries.add(new Value.MapV.Entry(e.name(), place(e.key().location(), string, firstLine),
          convert(e.value(), string, firstLine, provenance)));
    }
    return new Value.MapV(entries, at, provenance);
  }

  private static Location place(Location inText, Location string, int firstLine) {
    if (string.startLine() == string.endLine()) return string;
    int line = firstLine + inText.startLine() - 1;
    if (line > string.endLine()) return string;
    int endLine = Math.min(string.endLine(), firstLine + inText.endLine() - 1);
    return new Location(string.file(), line, inText.startColumn(), endLine, inText.endColumn());
  }
}
