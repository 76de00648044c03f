package dev.iamlint.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jinja markup in a YAML or JSON file: statements ({@code {%- if cookiecutter.x %}}), expressions
 * ({@code {{ cookiecutter.name }}}) and comments ({@code {# ... #}}); and Terraform template
 * directives ({@code %{ for k, v in values ~}}) of a file read through {@code templatefile()}.
 * Such a file is the source of a template (cookiecutter, {@code sam init}, Terraform) that is
 * CloudFormation only once rendered.
 *
 * <p>The markup is set aside without changing a line or a column: statements and comments become
 * blanks, expressions a same-length placeholder. A file that parses only once its markup is set
 * aside fails because of the markup; one that still fails has an error the rendering keeps.
 * CloudFormation dynamic references ({@code {{resolve:...}}}) and GitHub expressions
 * ({@code ${{ ... }}}) are not Jinja, and {@code {% raw %}} blocks are left as written.
 */
public final class JinjaMarkup {

  /** Far longer than any real tag: an opening brace without its close is not markup. */
  private static final int MAX_TAG_LENGTH = 2000;

  /**
   * {@code text} is the file with its markup set aside; {@code tags} are where each tag is
   * written, in order, with the tag's text; {@code cookiecutter} when a tag names cookiecutter's
   * variables; {@code terraform} when a tag is a Terraform template directive ({@code %{ ... }});
   * {@code oneRendering} the set-aside text with the first branch of each if only and no line for
   * an expression alone on its line (see {@link JinjaMarkup#oneRendering}).
   */
  public record SetAside(String text, List<Tag> tags, boolean cookiecutter, boolean terraform, String oneRendering) {
    public SetAside {
      tags = List.copyOf(tags);
    }

    public SetAside(String text, List<Tag> tags, boolean cookiecutter, boolean terraform) {
      this(text, tags, cookiecutter, terraform, text);
    }

    /** The tag on the line of {@code at}, else the last one before it, else the first. */
    public Tag nearest(Location at) {
      Tag best = tags.get(0);
      for (Tag t : tags) {
        if (t.location().startLine() > at.startLine()) break;
        best = t;
      }
      return best;
    }
  }

  public record Tag(String text, Location location) {}

  private JinjaMarkup() {}

  /**
   * Where {@code close} ends the tag whose inside starts at {@code from}, skipping string literals
   * ('...' or "...", with backslash escapes), before {@code limit}; {@code first} is its first
   * occurrence, the answer when no quote comes before it or when no closer outside literals
   * comes before the limit (then the tag is read as before).
   */
  static int closerOutsideQuotes(String text, int from, int first, String close, int limit) {
    boolean quoted = false;
    for (int k = from; k < first; k++) {
      char c = text.charAt(k);
      if (c == '\'' || c == '"') {
        quoted = true;
        break;
      }
    }
    if (!quoted) return first;
    char quote = 0;
    for (int k = from; k + close.length() <= limit; k++) {
      char c = text.charAt(k);
      if (quote != 0) {
        if (c == '\\') k++;
        else if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (text.startsWith(close, k)) {
        return k;
      }
    }
    return first;
  }

  /** The text with its Jinja markup set aside; empty when it has none. */
  public static Optional<SetAside> setAside(String file, String text) {
    StringBuilder out = new StringBuilder(text);
    List<Tag> tags = new ArrayList<>();
    // Markup that shapes the text around it, by offset: see oneRendering.
    List<Shaping> shaping = new ArrayList<>();
    Set<Integer> statementLines = new HashSet<>();
    // Lines that hold an expression and nothing else: empty in one rendering (see oneRendering).
    Set<Integer> expressionLines = new HashSet<>();
    Occurrences closers = new Occurrences(text, List.of("%}", "}}", "#}", "\n"));
    boolean cookiecutter = false;
    boolean terraform = false;
    boolean raw = false;
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        continue;
      }
      if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) == '{' && (i == 0 || text.charAt(i - 1) != '%') && !raw) {
        // A Terraform template directive (%{ for k, v in values ~}, %{ endif }): the file is read
        // through templatefile(), and %{ at the start of a line is a YAML directive to a parser.
        int end = text.indexOf('}', i + 2);
        int eol = closers.next("\n", i);
        if (end < 0 || (eol >= 0 && end > eol)) continue;
        tags.add(new Tag(text.substring(i, end + 1), Location.point(file, line, i - lineStart + 1)));
        terraform = true;
        statementLines.add(line);
        for (int k = i; k <= end; k++) out.setCharAt(k, ' ');
        i = end;
        continue;
      }
      if (c != '{' || i + 1 >= text.length()) continue;
      char next = text.charAt(i + 1);
      String close = switch (next) {
        case '%' -> "%}";
        case '{' -> "}}";
        case '#' -> "#}";
        default -> "";
      };
      if (close.isEmpty()) continue;
      if (next == '{' && (text.startsWith("{{resolve:", i) || (i > 0 && text.charAt(i - 1) == '$'))) {
        i++;
        continue;
      }
      int end = closers.next(close, i + 2);
      // Expressions stay on one line; statements and comments may span lines.
      int limit = next == '{' ? closers.next("\n", i) : Math.min(text.length(), i + MAX_TAG_LENGTH);
      if (end < 0 || (limit >= 0 && end + 2 > limit)) continue;
      // A closer inside a string literal of the expression or statement does not close it
      // ({{ '}}' }} writes a literal "}}"); a comment has no literals. Looked for only within the
      // tag's own limit, and the tag is taken either way: each character is looked at once.
      if (next != '#') end = closerOutsideQuotes(text, i + 2, end, close, limit < 0 ? text.length() : limit);
      String tag = text.substring(i, end + 2);
      String inner = tag.substring(2, tag.length() - 2).replaceAll("^[-+]|[-+]$", "").trim();
      if (next == '%' && (inner.equals("endraw") || inner.startsWith("endraw "))) {
        raw = false;
      } else if (raw) {
        continue;
      } else if (next == '%' && (inner.equals("raw") || inner.startsWith("raw "))) {
        raw = true;
      }
      if (next == '{' && inner.isEmpty()) continue;
      cookiecutter |= inner.contains("cookiecutter.");
      int eol = closers.next("\n", end + 2);
      if (next == '{' && text.substring(lineStart, i).isBlank() && text.substring(end + 2, eol < 0 ? text.length() : eol).isBlank()) {
        shaping.add(new Shaping(i, end + 2, Shape.EXPRESSION_LINE));
        expressionLines.add(line);
      } else if (next == '%') {
        String keyword = inner.split("\\s+", 2)[0];
        if (keyword.equals("if")) shaping.add(new Shaping(i, end + 2, Shape.IF));
        else if (keyword.equals("elif") || keyword.equals("else")) shaping.add(new Shaping(i, end + 2, Shape.ELSE));
        else if (keyword.equals("endif")) shaping.add(new Shaping(i, end + 2, Shape.ENDIF));
      }
      tags.add(new Tag(tag, Location.point(file, line, i - lineStart + 1)));
      if (next != '{') statementLines.add(line);
      for (int k = i; k < end + 2; k++) {
        char t = text.charAt(k);
        if (t == '\n') {
          line++;
          lineStart = k + 1;
        } else {
          out.setCharAt(k, next == '{' ? '1' : ' ');
        }
      }
      i = end + 1;
    }
    if (tags.isEmpty()) return Optional.empty();
    return Optional.of(new SetAside(emptyBlankLines(out.toString(), statementLines), tags, cookiecutter, terraform,
        emptyBlankLines(oneRendering(out.toString(), shaping), union(statementLines, expressionLines))));
  }

  private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
    Set<Integer> out = new HashSet<>(a);
    out.addAll(b);
    return out;
  }

  private enum Shape { EXPRESSION_LINE, IF, ELSE, ENDIF }

  /** Markup that shapes the text around it, from offset {@code from} to {@code to}. */
  private record Shaping(int from, int to, Shape shape) {}

  /**
   * The set-aside text as one rendering could give it: the first branch of each if only (the
   * text of its other branches blanked), and an expression alone on its line (an included file,
   * say) rendering nothing, its line left empty (a line of blanks in a block scalar would be wider
   * than the scalar's indentation). With every branch kept, or a word where the rendering has
   * lines of YAML, the set-aside text may have an error that no rendering has (a list item in one
   * branch, a flow list in the other). Lines are kept, and the columns of what is not blanked.
   */
  private static String oneRendering(String setAside, List<Shaping> shaping) {
    StringBuilder out = new StringBuilder(setAside);
    // For each if open at this point: where its second branch starts, -1 before one does.
    List<Integer> open = new ArrayList<>();
    for (Shaping t : shaping) {
      switch (t.shape()) {
        case EXPRESSION_LINE -> blank(out, t.from(), t.to());
        case IF -> open.add(-1);
        case ELSE -> {
          if (!open.isEmpty() && open.get(open.size() - 1) < 0) open.set(open.size() - 1, t.from());
        }
        case ENDIF -> {
          if (open.isEmpty()) break;
          int from = open.remove(open.size() - 1);
          if (from >= 0) blank(out, from, t.from());
        }
      }
    }
    return out.toString();
  }

  /** Blanks (spaces) in place of the characters from {@code from} to {@code to}, line breaks kept. */
  private static void blank(StringBuilder out, int from, int to) {
    for (int k = from; k < to && k < out.length(); k++) {
      if (out.charAt(k) != '\n' && out.charAt(k) != '\r') out.setCharAt(k, ' ');
    }
  }

  /**
   * A line that held only statements or comments becomes empty, as rendering leaves it: a line
   * of blanks inside a block scalar would change the scalar's indentation.
   */
  private static String emptyBlankLines(String text, Set<Integer> lines) {
    String[] split = text.split("\n", -1);
    for (int line : lines) {
      String l = split[line - 1];
      if (l.isBlank()) split[line - 1] = l.endsWith("\r") ? "\r" : "";
    }
    return String.join("\n", split);
  }

  /**
   * Where each closing sequence occurs, found in one pass: asked with ever larger offsets, so the
   * whole scan stays linear however many unclosed braces a file holds.
   */
  private static final class Occurrences {
    private final Map<String, int[]> at = new HashMap<>();
    private final Map<String, Integer> cursor = new HashMap<>();

    Occurrences(String text, List<String> needles) {
      for (String n : needles) {
        List<Integer> found = new ArrayList<>();
        for (int i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) found.add(i);
        at.put(n, found.stream().mapToInt(Integer::intValue).toArray());
        cursor.put(n, 0);
      }
    }

    /** The first occurrence of {@code needle} at or after {@code from}; -1 when there is none. */
    int next(String needle, int from) {
      int[] list = at.get(needle);
      int c = cursor.get(needle);
      while (c < list.length && list[c] < from) c++;
      cursor.put(needle, c);
      return c < list.length ? list[c] : -1;
    }
  }
}
