package dev.iamlint.iam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A CloudWatch Logs JSON filter pattern ({@code { $.eventName = "X" && ... }}) read into a
 * normal form where whitespace, quoting, term order and redundant parentheses no longer matter:
 * nested conjunctions and disjunctions are flattened into sets. Text patterns (not in braces)
 * and anything this reader does not understand read as empty: they match no control.
 */
public final class FilterPattern {

  /** A term of a pattern. */
  public sealed interface Expr permits Term, All, Any {}

  /** {@code selector op value}; {@code NOT EXISTS} and {@code IS NULL} have an empty value. */
  public record Term(String selector, String op, String value) implements Expr {
    // equals and hashCode written out (the values the record's own give): the generated ones are
    // bound on first use through method handles, which a fresh JVM builds at some cost.
    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Term t && Objects.equals(selector, t.selector) && Objects.equals(op, t.op)
          && Objects.equals(value, t.value);
    }

    @Override
    public int hashCode() {
      return (Objects.hashCode(selector) * 31 + Objects.hashCode(op)) * 31 + Objects.hashCode(value);
    }
  }

  /** Terms joined with {@code &&}. */
  public record All(Set<Expr> terms) implements Expr {
    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof All a && Objects.equals(terms, a.terms);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(terms);
    }
  }

  /** Terms joined with {@code ||}. */
  public record Any(Set<Expr> terms) implements Expr {
    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Any a && Objects.equals(terms, a.terms);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(terms);
    }
  }

  /** A term whose selector and operator are known; its value may not be. */
  public record Head(String selector, String op, Optional<String> value) {}

  /**
   * What the known beginning of a pattern already fixes, whatever its unknown rest is.
   * {@code json} is false when that beginning is not a JSON pattern ({@code {…}}): then it
   * matches no control. {@code heads}: the terms every completion that parses contains.
   */
  public record Start(boolean json, List<Head> heads) {}

  private final String text;
  /** Reading only the known beginning of a pattern: {@link #heads} collects the terms it fixes. */
  private final boolean prefix;
  private final List<Head> heads = new ArrayList<>();
  private int pos;

  private FilterPattern(String text, boolean prefix) {
    this.text = text;
    this.prefix = prefix;
  }

  public static Optional<Expr> parse(String pattern) {
    FilterPattern p = new FilterPattern(pattern, false);
    try {
      p.skip();
      if (!p.take("{")) return Optional.empty();
      Expr e = p.or();
      if (!p.take("}")) return Optional.empty();
      p.skip();
      return p.pos == p.text.length() ? Optional.of(e) : Optional.empty();
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /**
   * Reads the known beginning of a pattern whose rest is unknown. The reader is deterministic
   * and never looks back, so a term whose selector and operator are followed by known text is
   * read the same way in every completion: each completion either contains it or does not
   * parse. (The unknown rest may hold anything, quotes and operators included: nothing after its
   * start is fixed.)
   */
  public static Start start(String known) {
    FilterPattern p = new FilterPattern(known, true);
    p.skip();
    if (p.pos == known.length()) return new Start(true, List.of());
    if (!p.take("{")) return new Start(false, List.of());
    try {
      p.or();
    } catch (IllegalArgumentException endOfKnownText) {
      // Where the known text ends, or a mistake in it: what was read before holds either way.
    }
    return new Start(true, List.copyOf(p.heads));
  }

  /** The terms of a conjunction (one term alone is a conjunction of one). */
  public static Optional<Set<Term>> conjunction(Expr e) {
    return e instanceof All all ? termsOnly(all.terms()) : e instanceof Term t ? Optional.of(Set.of(t)) : Optional.empty();
  }

  /** The terms of a disjunction (one term alone is a disjunction of one). */
  public static Optional<Set<Term>> disjunction(Expr e) {
    return e instanceof Any any ? termsOnly(any.terms()) : e instanceof Term t ? Optional.of(Set.of(t)) : Optional.empty();
  }

  /** The operands as plain terms, or empty when one of them is itself a conjunction or disjunction. */
  private static Optional<Set<Term>> termsOnly(Set<Expr> operands) {
    Set<Term> terms = new LinkedHashSet<>();
    for (Expr x : operands) {
      if (!(x instanceof Term t)) return Optional.empty();
      terms.add(t);
    }
    return Optional.of(terms);
  }

  private Expr or() {
    List<Expr> terms = new ArrayList<>();
    terms.add(and());
    while (take("||")) terms.add(and());
    return terms.size() == 1 ? terms.get(0) : new Any(flatten(terms, Any.class));
  }

  private Expr and() {
    List<Expr> terms = new ArrayList<>();
    terms.add(primary());
    while (take("&&")) terms.add(primary());
    return terms.size() == 1 ? terms.get(0) : new All(flatten(terms, All.class));
  }

  private static Set<Expr> flatten(List<Expr> terms, Class<? extends Expr> kind) {
    Set<Expr> out = new LinkedHashSet<>();
    for (Expr e : terms) {
      if (kind.isInstance(e)) out.addAll(e instanceof All a ? a.terms() : ((Any) e).terms());
      else out.add(e);
    }
    return out;
  }

  private Expr primary() {
    if (take("(")) {
      Expr e = or();
      if (!take(")")) throw new IllegalArgumentException("unclosed parenthesis");
      return e;
    }
    skip();
    if (!text.startsWith("$", pos)) throw new IllegalArgumentException("selector expected");
    int start = pos;
    while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && "=!<>()&|}".indexOf(text.charAt(pos)) < 0) pos++;
    known();
    String selector = text.substring(start, pos);
    if (takeWord("NOT")) {
      if (!takeWord("EXISTS")) throw new IllegalArgumentException("EXISTS expected");
      known();
      return fixed(new Term(selector, "NOT EXISTS", ""));
    }
    if (takeWord("IS")) {
      skip();
      int w = pos;
      while (pos < text.length() && Character.isLetter(text.charAt(pos))) pos++;
      known();
      return fixed(new Term(selector, "IS", text.substring(w, pos).toUpperCase(Locale.ROOT)));
    }
    for (String op : List.of("!=", "<=", ">=", "=", "<", ">")) {
      if (take(op)) {
        // "<" at the end of the known text may still be "<=".
        if (op.length() == 1 && !op.equals("=")) known();
        if (prefix) heads.add(new Head(selector, op, Optional.empty()));
        return fixed(new Term(selector, op, value()));
      }
    }
    throw new IllegalArgumentException("operator expected");
  }

  /** Reading a known beginning: the token just read may go on in the unknown rest. */
  private void known() {
    if (prefix && pos >= text.length()) throw new IllegalArgumentException("end of the known text");
  }

  /** A term read in full (its value ended before the known text did): its value is fixed too. */
  private Term fixed(Term t) {
    if (prefix) {
      known();
      heads.removeIf(h -> h.selector().equals(t.selector()) && h.op().equals(t.op()) && h.value().isEmpty());
      heads.add(new Head(t.selector(), t.op(), Optional.of(t.value())));
    }
    return t;
  }

  private String value() {
    skip();
    if (pos < text.length() && text.charAt(pos) == '"') {
      StringBuilder sb = new StringBuilder();
      pos++;
      while (pos < text.length() && text.charAt(pos) != '"') {
        if (text.charAt(pos) == '\\' && pos + 1 < text.length()) pos++;
        sb.append(text.charAt(pos++));
      }
      if (pos >= text.length()) throw new IllegalArgumentException("unclosed string");
      pos++;
      return sb.toString();
    }
    int start = pos;
    while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && "()&|}".indexOf(text.charAt(pos)) < 0) pos++;
    if (start == pos) throw new IllegalArgumentException("value expected");
    return text.substring(start, pos);
  }

  private boolean take(String token) {
    skip();
    if (!text.startsWith(token, pos)) return false;
    pos += token.length();
    return true;
  }

  private boolean takeWord(String word) {
    skip();
    int end = pos + word.length();
    if (!text.startsWith(word, pos) || (end < text.length() && Character.isLetterOrDigit(text.charAt(end)))) return false;
    pos = end;
    return true;
  }

  private void skip() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
  }
}
