package dev.iamlint.hcl;

import java.util.stream.Collectors;

/** Prints expressions fully parenthesised, so tests can state structure as text. */
final class Printer {
  private Printer() {}

  static String print(Expression e) {
    if (e instanceof Expression.Literal l) return l.text();
    if (e instanceof Expression.Variable v) return v.name();
    if (e instanceof Expression.GetAttr g) return print(g.source()) + "." + g.name();
    if (e instanceof Expression.Index i) return print(i.source()) + "[" + print(i.key()) + "]";
    if (e instanceof Expression.Splat s) return "splat" + (s.full() ? "[*]" : ".*") + "(" + print(s.source()) + " -> " + print(s.each()) + ")";
    if (e instanceof Expression.SplatItem) return "it";
    if (e instanceof Expression.FunctionCall f) {
      return f.name() + "(" + f.arguments().stream().map(Printer::print).collect(Collectors.joining(", "))
          + (f.expandFinal() ? "..." : "") + ")";
    }
    if (e instanceof Expression.Tuple t) return t.items().stream().map(Printer::print).collect(Collectors.joining(", ", "[", "]"));
    if (e instanceof Expression.ObjectCons o) {
      return o.items().stream().map(i -> print(i.key()) + " = " + print(i.value())).collect(Collectors.joining(", ", "{", "}"));
    }
    if (e instanceof Expression.ObjectKey k) return "key:" + print(k.wrapped());
    if (e instanceof Expression.For f) {
      return (f.isObject() ? "{" : "[") + "for " + f.keyVar().map(k -> k + ", ").orElse("") + f.valueVar() + " in "
          + print(f.collection()) + " : " + f.key().map(k -> print(k) + " => ").orElse("") + print(f.value())
          + (f.grouping() ? "..." : "") + f.condition().map(c -> " if " + print(c)).orElse("") + (f.isObject() ? "}" : "]");
    }
    if (e instanceof Expression.Conditional c) {
      return "(" + print(c.condition()) + " ? " + print(c.whenTrue()) + " : " + print(c.whenFalse()) + ")";
    }
    if (e instanceof Expression.Binary b) return "(" + print(b.left()) + " " + b.operator().symbol() + " " + print(b.right()) + ")";
    if (e instanceof Expression.Unary u) return "(" + u.operator().symbol() + print(u.operand()) + ")";
    if (e instanceof Expression.Parens p) return "(" + print(p.inner()) + ")";
    Expression.Template t = (Expression.Template) e;
    return "\"" + t.parts().stream().map(Printer::part).collect(Collectors.joining()) + "\"";
  }

  static String part(TemplatePart p) {
    if (p instanceof TemplatePart.Text t) return t.text().replace("\n", "\\n");
    if (p instanceof TemplatePart.Interpolation i) return "${" + print(i.expression()) + "}";
    if (p instanceof TemplatePart.If f) {
      return "%{if " + print(f.condition()) + "}" + f.whenTrue().stream().map(Printer::part).collect(Collectors.joining())
          + (f.whenFalse().isEmpty() ? "" : "%{else}" + f.whenFalse().stream().map(Printer::part).collect(Collectors.joining()))
          + "%{endif}";
    }
    TemplatePart.For f = (TemplatePart.For) p;
    return "%{for " + f.keyVar().map(k -> k + ", ").orElse("") + f.valueVar() + " in " + print(f.collection()) + "}"
        + f.body().stream().map(Printer::part).collect(Collectors.joining()) + "%{endfor}";
  }

  static Expression parseExpression(String source) {
    HclParseResult r = HclParser.parse("t.hcl", "x = " + source + "\n");
    if (r instanceof HclParseResult.Failed f) throw new AssertionError(f.message() + " at " + f.location());
    return ((HclParseResult.Parsed) r).file().body().attribute("x").orElseThrow().expression();
  }
}
