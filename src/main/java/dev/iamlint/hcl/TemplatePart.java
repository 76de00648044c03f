package dev.iamlint.hcl;

import java.util.List;
import java.util.Optional;

/** A piece of a template: literal text, an interpolation, or an if/for directive with its body. */
public sealed interface TemplatePart {

  SourceRange range();

  record Text(String text, SourceRange range) implements TemplatePart {}

  record Interpolation(Expression expression, SourceRange range) implements TemplatePart {}

  record If(Expression condition, List<TemplatePart> whenTrue, List<TemplatePart> whenFalse, SourceRange range)
      implements TemplatePart {
    public If {
      whenTrue = List.copyOf(whenTrue);
      whenFalse = List.copyOf(whenFalse);
    }
  }

  record For(Optional<String> keyVar, String valueVar, Expression collection, List<TemplatePart> body,
      SourceRange range) implements TemplatePart {
    public For {
      body = List.copyOf(body);
    }
  }
}
