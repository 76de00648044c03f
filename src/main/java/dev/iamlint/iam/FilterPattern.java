package dev.iamlint.iam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
  public record Term(String selector, String op, String value) implements Expr {}

  /** Terms joined with {@code &&}. */
  public record All(Set<Expr> terms) implements Expr {}

  /** Terms joined with {@code ||}. */
  public record Any(Set<Expr> terms) implements Expr {}

  private final String text;
  private int pos;

  private FilterPattern(String text) {
    this.text = text;
  }

  public static Optional<Expr> parse(String pattern) {
    FilterPattern p = new FilterPattern(pattern);
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
    String selector = text.substring(start, pos);
    if (takeWord("NOT")) {
      if (!takeWord("EXISTS")) throw new IllegalArgumentException("EXISTS expected");
      return new Term(selector, "NOT EXISTS", "");
    }
    if (takeWord("IS")) {
      skip();
      int w = pos;
      while (pos < text.length() && Character.isLetter(text.charAt(pos))) pos++;
      return new Term(selector, "IS", text.substring(w, pos).toUpperCase(java.util.Locale.ROOT));
    }
    for (String op : List.of("!=", "<=", ">=", "=", "<", ">")) {
      if (take(op)) return new Term(selector, op, value());
    }
    throw new IllegalArgumentException("operator expected");
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
