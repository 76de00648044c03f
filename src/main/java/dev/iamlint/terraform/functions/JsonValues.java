package dev.iamlint.terraform.functions;

import dev.iamlint.json.JsonLoader;
import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import dev.iamlint.value.Numbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON text held in a string (a heredoc policy, a quoted policy, a file) read into values.
 * Positions inside the text are mapped into the file where the text is written: a JSON line
 * {@code n} lies {@code n - 1} lines below where the string's text starts. A string written as
 * JSON keeps what it holds wherever it goes ({@link #written}), so a heredoc passed through a
 * variable, a local or a module output is still read where it is written, never where it is used.
 */
public final class JsonValues {
  private JsonValues() {}

  /** What a string given as a JSON document holds. */
  public sealed interface Reading permits Structure, NotJson, NotRead {}

  /**
   * The text is JSON: its structure, located. {@code partial} when parts of its strings are
   * unknown (the text of an unknown value).
   */
  public record Structure(Value value, boolean partial) implements Reading {}

  /** The text is certainly not JSON: the parser's message, where it stopped in the file. */
  public record NotJson(String message, Location location) implements Reading {}

  /** Not a known text (or a blank one, or one whose unknown parts may change its syntax): nothing to say. */
  public record NotRead() implements Reading {}

  private static final NotRead NOT_READ = new NotRead();

  /** The structure a string holds: what jsonencode made it from, or its JSON text parsed. */
  public static Optional<Value> structure(Value v) {
    return read(v) instanceof Structure s && !s.partial() ? Optional.of(s.value()) : Optional.empty();
  }

  /**
   * Reads a value given as a JSON document. A string that keeps its own text as written
   * elsewhere ({@link #written}) is read there; a string with unknown parts is read when the
   * unknown parts all lie inside JSON strings, which they cannot turn into other syntax.
   */
  public static Reading read(Value v) {
    if (v instanceof Value.Str s) {
      if (s.encoded().isPresent()) {
        Value e = s.encoded().get();
        // The same text as written elsewhere: read it there. (jsonencode of a string adds quotes.)
        if (e instanceof Value.Str at && at.value().equals(s.value())) return parse(at.value(), at.location(), at.provenance(), null);
        return new Structure(e, false);
      }
      if (s.value().isBlank()) return NOT_READ;
      return parse(s.value(), s.location(), s.provenance(), null);
    }
    if (v instanceof Value.Unknown u && u.partial().isPresent()) {
      String trimmed = u.partial().get().trim();
      if (trimmed.startsWith("{") || trimmed.startsWith("[")) return parse(u.partial().get(), u.location(), u.provenance(), u);
    }
    return NOT_READ;
  }

  /**
   * A string as evaluated where it is written (a heredoc, a quoted string): when it holds a JSON
   * document, it keeps that document's elements located in its text, or, when the text is not
   * JSON, its text at this place, so that later moves of the string do not move them.
   */
  public static Value written(Value v) {
    if (!(v instanceof Value.Str s) || s.encoded().isPresent()) return v;
    String trimmed = s.value().trim();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return v;
    // Only a text whose lines are the lines written (no interpolated line breaks, no directives).
    long newlines = s.value().chars().filter(c -> c == '\n').count();
    int span = s.location().endLine() - s.location().startLine();
    boolean inPlace = newlines == 0 ? span == 0 : span == newlines + 1;
    if (!inPlace) return v;
    Reading r = read(s);
    if (r instanceof Structure structure) return new Value.Str(s.value(), s.location(), s.provenance(), Optional.of(structure.value()));
    if (r instanceof NotJson) return new Value.Str(s.value(), s.location(), s.provenance(), Optional.of(s));
    return v;
  }

  /**
   * What a file read by {@code file()} or rendered by {@code templatefile()} holds, located in
   * that file ({@code display}) so findings point at the statement element there: its JSON
   * structure, or, when the text is not JSON, the text located in the file. A rendered template
   * is placed line for line; empty when the text is not meant as JSON or a template changed its
   * number of lines.
   */
  public static Optional<Value> fromFile(String display, String text, int fileLines, Provenance provenance) {
    String trimmed = text.trim();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return Optional.empty();
    String[] lines = text.split("\n", -1);
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    if (count != fileLines || count < 2) return Optional.empty();
    Location whole = new Location(display, 1, 1, count, lines[count - 1].length() + 1);
    Reading r = parse(text, whole, provenance, null);
    if (r instanceof Structure s) return Optional.of(s.value());
    if (r instanceof NotJson) return Optional.of(new Value.Str(text, whole, provenance));
    return Optional.empty();
  }

  /**
   * {@code decoded} (what jsondecode made of a text) placed where {@code located} (the same
   * text's structure, located where it is written: in the file {@code file()} read, in a heredoc)
   * has each element: values and keys from the decoding, places and provenance from the text.
   * Where the two differ (a key written twice, say), the decoding's element keeps its place.
   */
  public static Value locatedAs(Value decoded, Value located) {
    if (decoded instanceof Value.MapV d && located instanceof Value.MapV l) {
      // By key, the last of a key written twice (as the decoder keeps it): one pass, not one per key.
      Map<String, Value.MapV.Entry> byKey = new HashMap<>();
      for (Value.MapV.Entry candidate : l.entries()) byKey.put(candidate.key(), candidate);
      List<Value.MapV.Entry> entries = new ArrayList<>(d.entries().size());
      for (Value.MapV.Entry e : d.entries()) {
        Value.MapV.Entry there = byKey.get(e.key());
        entries.add(there == null ? e : new Value.MapV.Entry(e.key(), there.keyLocation(), locatedAs(e.value(), there.value())));
      }
      return new Value.MapV(entries, l.location(), l.provenance());
    }
    if (decoded instanceof Value.ListV d && located instanceof Value.ListV l && d.items().size() == l.items().size()) {
      List<Value> items = new ArrayList<>(d.items().size());
      for (int i = 0; i < d.items().size(); i++) items.add(locatedAs(d.items().get(i), l.items().get(i)));
      return d.withItems(items, l.location(), l.provenance());
    }
    if (decoded instanceof Value.Str d && located instanceof Value.Str l && d.value().equals(l.value())) {
      return new Value.Str(d.value(), l.location(), l.provenance(), d.encoded());
    }
    if (decoded instanceof Value.Num d && located instanceof Value.Num l && d.value().compareTo(l.value()) == 0) {
      return new Value.Num(d.value(), l.location(), l.provenance());
    }
    if (decoded instanceof Value.Bool d && located instanceof Value.Bool l && d.value() == l.value()) {
      return new Value.Bool(d.value(), l.location(), l.provenance());
    }
    if (decoded instanceof Value.Null && located instanceof Value.Null l) return new Value.Null(l.location(), l.provenance());
    return decoded;
  }

  /** Lines of a file's text, as {@link #fromFile} counts them. */
  public static int lineCount(String text) {
    String[] lines = text.split("\n", -1);
    return text.endsWith("\n") ? lines.length - 1 : lines.length;
  }

  /** {@code unknown} is the value the text is the known part of, or null for a known text. */
  private static Reading parse(String text, Location string, Provenance textProvenance, Value.Unknown unknown) {
    // Every element of the text comes the way the text came; a step repeated by each part of a
    // template (the same data source read six times) is said once.
    Provenance provenance = new Provenance(textProvenance.steps().stream().distinct().toList());
    ParseResult parsed = JsonLoader.parse(string.file(), text);
    // Elements of a text found away from where it is written all point at the string.
    Location at = inPlace(text, string) ? string : new Location(string.file(), string.startLine(), string.startColumn(),
        string.startLine(), string.startLine() == string.endLine() ? string.endColumn() : string.startColumn());
    int first = firstLineOffset(text, at);
    if (parsed instanceof ParseResult.Parsed p) return new Structure(convert(p.root(), at, first, provenance, unknown), unknown != null);
    ParseResult.Failed f = (ParseResult.Failed) parsed;
    if (f.limit() || (unknown != null && !JsonLoader.onlyInStrings(text, Value.Unknown.HOLE))) return NOT_READ;
    return new NotJson(f.message(), place(f.location(), at, first));
  }

  /**
   * Where line 1 of the string's text is in the file. A heredoc's text starts on the line after
   * its opening marker; a quoted string on its own line.
   */
  private static int firstLineOffset(String text, Location string) {
    long lines = text.chars().filter(c -> c == '\n').count();
    int span = string.endLine() - string.startLine();
    // A heredoc spans one line more than its text (the marker line), ending on the closing marker.
    return span == lines + 1 && lines > 0 ? string.startLine() + 1 : string.startLine();
  }

  /**
   * Whether the text's lines are the lines of {@code string}: a heredoc (its text between the
   * marker lines) or a file's whole text. A string found elsewhere (a call spanning some lines,
   * a use of a variable) is not its text: its elements are all placed at it.
   */
  private static boolean inPlace(String text, Location string) {
    long newlines = text.chars().filter(c -> c == '\n').count();
    int span = string.endLine() - string.startLine();
    long lines = text.endsWith("\n") ? newlines : newlines + 1;
    return span == newlines + 1 || (string.startLine() == 1 && string.startColumn() == 1 && span + 1 == lines);
  }

  private static Value convert(Node n, Location string, int firstLine, Provenance provenance, Value.Unknown unknown) {
    Location at = place(n.location(), string, firstLine);
    if (n instanceof ScalarNode sc) {
      return switch (sc.kind()) {
        case NUMBER -> Numbers.parse(sc.text()).<Value>map(d -> new Value.Num(d, at, provenance))
            .orElseGet(() -> new Value.Unknown(Value.Cause.UNSUPPORTED, "the number " + sc.text() + " is out of range",
                Optional.empty(), Optional.empty(), at, provenance));
        case BOOLEAN -> new Value.Bool(Boolean.parseBoolean(sc.text()), at, provenance);
        case NULL -> new Value.Null(at, provenance);
        default -> unknown != null && sc.text().indexOf(Value.Unknown.HOLE) >= 0
            // A string with unknown parts stays unknown, with its known text (none when it is one hole).
            ? new Value.Unknown(unknown.cause(), unknown.reason(), Optional.empty(),
                Optional.of(sc.text()).filter(t -> !t.chars().allMatch(c -> c == Value.Unknown.HOLE)), at, provenance)
            : new Value.Str(sc.text(), at, provenance);
      };
    }
    if (n instanceof ListNode l) {
      List<Value> items = new ArrayList<>();
      for (Node item : l.items()) items.add(convert(item, string, firstLine, provenance, unknown));
      return new Value.ListV(items, at, provenance);
    }
    MapNode m = (MapNode) n;
    List<Value.MapV.Entry> entries = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) {
      if (unknown != null && e.name().indexOf(Value.Unknown.HOLE) >= 0) {
        // An unknown key may be any element: nothing about this object is known.
        return new Value.Unknown(unknown.cause(), unknown.reason(), Optional.empty(), Optional.empty(), at, provenance);
      }
      entries.add(new Value.MapV.Entry(e.name(), place(e.key().location(), string, firstLine),
          convert(e.value(), string, firstLine, provenance, unknown)));
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
