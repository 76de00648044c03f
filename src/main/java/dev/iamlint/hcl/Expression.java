package dev.iamlint.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An HCL expression as written, with its exact range. The set of forms is closed; evaluators
 * and printers switch over it.
 */
public sealed interface Expression {

  SourceRange range();

  /**
   * The expressions written directly inside {@code e}, in source order (a template's
   * interpolations and directive conditions included): for a reader that looks at what is
   * written without evaluating it.
   */
  static List<Expression> children(Expression e) {
    List<Expression> out = new ArrayList<>();
    children(e, out);
    return out;
  }

  private static void children(Expression e, List<Expression> out) {
    if (e instanceof GetAttr g) {
      out.add(g.source());
    } else if (e instanceof Index i) {
      out.add(i.source());
      out.add(i.key());
    } else if (e instanceof Splat s) {
      out.add(s.source());
      out.add(s.each());
    } else if (e instanceof FunctionCall f) {
      out.addAll(f.arguments());
    } else if (e instanceof Tuple t) {
      out.addAll(t.items());
    } else if (e instanceof ObjectCons o) {
      for (ObjectCons.Item item : o.items()) {
        out.add(item.key());
        out.add(item.value());
      }
    } else if (e instanceof ObjectKey k) {
      out.add(k.wrapped());
    } else if (e instanceof For f) {
      out.add(f.collection());
      f.key().ifPresent(out::add);
      out.add(f.value());
      f.condition().ifPresent(out::add);
    } else if (e instanceof Conditional c) {
      out.add(c.condition());
      out.add(c.whenTrue());
      out.add(c.whenFalse());
    } else if (e instanceof Binary b) {
      out.add(b.left());
      out.add(b.right());
    } else if (e instanceof Unary u) {
      out.add(u.operand());
    } else if (e instanceof Parens p) {
      out.add(p.inner());
    } else if (e instanceof Template t) {
      templateChildren(t.parts(), out);
    }
  }

  private static void templateChildren(List<TemplatePart> parts, List<Expression> out) {
    for (TemplatePart p : parts) {
      if (p instanceof TemplatePart.Interpolation i) {
        out.add(i.expression());
      } else if (p instanceof TemplatePart.If f) {
        out.add(f.condition());
        templateChildren(f.whenTrue(), out);
        templateChildren(f.whenFalse(), out);
      } else if (p instanceof TemplatePart.For f) {
        out.add(f.collection());
        templateChildren(f.body(), out);
      }
    }
  }

  /** {@code 12}, {@code 1.5e3}, {@code true}, {@code false}, {@code null}. */
  record Literal(Kind kind, String text, SourceRange range) implements Expression {
    public enum Kind { NUMBER, BOOL, NULL }
  }

  /**
   * A quoted string or heredoc. After parsing, escapes are decoded, strip markers and the
   * flush-heredoc indent applied; {@code wrapped} is set when the template is exactly one
   * interpolation (it then yields the inner value unchanged: {@code "${var.n}"} is a number).
   */
  record Template(List<TemplatePart> parts, boolean heredoc, SourceRange range) implements Expression {
    public Template {
      parts = List.copyOf(parts);
    }

    public Optional<Expression> wrapped() {
      if (parts.size() == 1 && parts.get(0) instanceof TemplatePart.Interpolation i) return Optional.of(i.expression());
      return Optional.empty();
    }

    /** The text when the template is a plain string, without interpolations or directives. */
    public Optional<String> literal() {
      StringBuilder sb = new StringBuilder();
      for (TemplatePart p : parts) {
        if (!(p instanceof TemplatePart.Text t)) return Optional.empty();
        sb.append(t.text());
      }
      return Optional.of(sb.toString());
    }
  }

  /** A name at the root of a traversal: {@code var}, {@code aws_iam_role}, {@code each}. */
  record Variable(String name, SourceRange range) implements Expression {}

  /** {@code source.name}. */
  record GetAttr(Expression source, String name, SourceRange nameRange, SourceRange range) implements Expression {}

  /** {@code source[key]}, and the legacy {@code source.0}. */
  record Index(Expression source, Expression key, boolean legacy, SourceRange range) implements Expression {}

  /**
   * {@code source.*.a.b} (attribute-only: {@code full} false) or {@code source[*].a[0]}: each
   * element of {@code source} goes through {@code each}, whose root is {@link SplatItem}.
   */
  record Splat(Expression source, Expression each, boolean full, SourceRange range) implements Expression {}

  /** The current element inside a splat's {@code each}. */
  record SplatItem(SourceRange range) implements Expression {}

  record FunctionCall(String name, List<Expression> arguments, boolean expandFinal, SourceRange nameRange,
      SourceRange range) implements Expression {
    public FunctionCall {
      arguments = List.copyOf(arguments);
    }
  }

  record Tuple(List<Expression> items, SourceRange range) implements Expression {
    public Tuple {
      items = List.copyOf(items);
    }
  }

  /** {@code { key = value, ... }}; a bare identifier key is kept as {@link ObjectKey}. */
  record ObjectCons(List<Item> items, SourceRange range) implements Expression {
    public record Item(Expression key, Expression value) {}

    public ObjectCons {
      items = List.copyOf(items);
    }
  }

  /** An object key written as a bare identifier or traversal; a single identifier is a literal string. */
  record ObjectKey(Expression wrapped, SourceRange range) implements Expression {}

  /** {@code [for k, v in coll : value if cond]} or {@code {for ... : key => value... if cond}}. */
  record For(Optional<String> keyVar, String valueVar, Expression collection, Optional<Expression> key,
      Expression value, Optional<Expression> condition, boolean grouping, SourceRange range) implements Expression {
    public boolean isObject() {
      return key.isPresent();
    }
  }

  record Conditional(Expression condition, Expression whenTrue, Expression whenFalse, SourceRange range)
      implements Expression {}

  record Binary(Operator operator, Expression left, Expression right, SourceRange range) implements Expression {}

  record Unary(Operator operator, Expression operand, SourceRange range) implements Expression {}

  record Parens(Expression inner, SourceRange range) implements Expression {}

  enum Operator {
    OR("||"), AND("&&"), EQUAL("=="), NOT_EQUAL("!="), LESS("<"), GREATER(">"), LESS_EQUAL("<="),
    GREATER_EQUAL(">="), ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"), NEGATE("-"), NOT("!");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }
}
