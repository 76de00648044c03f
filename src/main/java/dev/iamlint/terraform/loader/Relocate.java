package dev.iamlint.terraform.loader;

import dev.iamlint.hcl.Expression;
import dev.iamlint.hcl.SourceRange;
import dev.iamlint.hcl.TemplatePart;
import java.util.List;

/** Moves every range of a parsed snippet to one place: where the snippet is written in its file. */
final class Relocate {
  private Relocate() {}

  static Expression.Template template(Expression.Template t, SourceRange at) {
    return (Expression.Template) expression(t, at);
  }

  static Expression expression(Expression e, SourceRange at) {
    if (e instanceof Expression.Literal l) return new Expression.Literal(l.kind(), l.text(), at);
    if (e instanceof Expression.Template t) {
      return new Expression.Template(t.parts().stream().map(p -> part(p, at)).toList(), t.heredoc(), at);
    }
    if (e instanceof Expression.Variable v) return new Expression.Variable(v.name(), at);
    if (e instanceof Expression.GetAttr g) return new Expression.GetAttr(expression(g.source(), at), g.name(), at, at);
    if (e instanceof Expression.Index i) return new Expression.Index(expression(i.source(), at), expression(i.key(), at), i.legacy(), at);
    if (e instanceof Expression.Splat s) return new Expression.Splat(expression(s.source(), at), expression(s.each(), at), s.full(), at);
    if (e instanceof Expression.SplatItem) return new Expression.SplatItem(at);
    if (e instanceof Expression.FunctionCall f) {
      return new Expression.FunctionCall(f.name(), list(f.arguments(), at), f.expandFinal(), at, at);
    }
    if (e instanceof Expression.Tuple t) return new Expression.Tuple(list(t.items(), at), at);
    if (e instanceof Expression.ObjectCons o) {
      return new Expression.ObjectCons(o.items().stream().map(i -> new Expression.ObjectCons.Item(expression(i.key(), at),
          expression(i.value(), at))).toList(), at);
    }
    if (e instanceof Expression.ObjectKey k) return new Expression.ObjectKey(expression(k.wrapped(), at), at);
    if (e instanceof Expression.For f) {
      return new Expression.For(f.keyVar(), f.valueVar(), expression(f.collection(), at), f.key().map(k -> expression(k, at)),
          expression(f.value(), at), f.condition().map(c -> expression(c, at)), f.grouping(), at);
    }
    if (e instanceof Expression.Conditional c) {
      return new Expression.Conditional(expression(c.condition(), at), expression(c.whenTrue(), at), expression(c.whenFalse(), at), at);
    }
    if (e instanceof Expression.Binary b) return new Expression.Binary(b.operator(), expression(b.left(), at), expression(b.right(), at), at);
    if (e instanceof Expression.Unary u) return new Expression.Unary(u.operator(), expression(u.operand(), at), at);
    Expression.Parens p = (Expression.Parens) e;
    return new Expression.Parens(expression(p.inner(), at), at);
  }

  private static List<Expression> list(List<Expression> items, SourceRange at) {
    return items.stream().map(i -> expression(i, at)).toList();
  }

  private static TemplatePart part(TemplatePart p, SourceRange at) {
    if (p instanceof TemplatePart.Text t) return new TemplatePart.Text(t.text(), at);
    if (p instanceof TemplatePart.Interpolation i) return new TemplatePart.Interpolation(expression(i.expression(), at), at);
    if (p instanceof TemplatePart.If f) {
      return new TemplatePart.If(expression(f.condition(), at), f.whenTrue().stream().map(x -> part(x, at)).toList(),
          f.whenFalse().stream().map(x -> part(x, at)).toList(), at);
    }
    TemplatePart.For f = (TemplatePart.For) p;
    return new TemplatePart.For(f.keyVar(), f.valueVar(), expression(f.collection(), at),
        f.body().stream().map(x -> part(x, at)).toList(), at);
  }
}
