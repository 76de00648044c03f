package dev.iamlint.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON form that HashiCorp's parser gives through {@code hcl2json} (the
 * {@code hcl-oracle} reference): blocks nested by type and labels into lists of bodies,
 * literal values as JSON values, templates as strings, any other expression as
 * {@code "${source text}"}. It reproduces that converter's documented quirks on purpose, so
 * our parser can be diffed against HashiCorp's on any corpus.
 */
public final class Hcl2Json {

  /** A file the converter itself gives up on (HashiCorp's side reports an error too). */
  public static final class Unconvertible extends Exception {
    private static final long serialVersionUID = 1L;

    Unconvertible(String message) {
      super(message, null, false, false);
    }
  }

  private final HclFile file;

  private Hcl2Json(HclFile file) {
    this.file = file;
  }

  /** Nested maps (sorted as Go marshals them), lists, strings, numbers, booleans and nulls. */
  public static Map<String, Object> convert(HclFile file) throws Unconvertible {
    return new Hcl2Json(file).body(file.body());
  }

  private Map<String, Object> body(Body body) throws Unconvertible {
    Map<String, Object> out = new TreeMap<>();
    for (Body.Block b : body.blocks()) block(b, out);
    for (Body.Attribute a : body.attributes()) out.put(a.name(), expression(a.expression()));
    return out;
  }

  @SuppressWarnings("unchecked")
  private void block(Body.Block block, Map<String, Object> root) throws Unconvertible {
    Map<String, Object> out = root;
    String key = block.type();
    for (Body.Label label : block.labels()) {
      Object existing = out.get(key);
      if (existing == null) {
        Map<String, Object> next = new TreeMap<>();
        out.put(key, next);
        out = next;
      } else if (existing instanceof Map<?, ?> m) {
        out = (Map<String, Object>) m;
      } else {
        throw new Unconvertible("Unable to convert Block to JSON: " + block.type());
      }
      key = label.value();
    }
    Map<String, Object> value = body(block.body());
    Object current = out.get(key);
    if (current == null) {
      List<Object> list = new ArrayList<>();
      list.add(value);
      out.put(key, list);
    } else if (current instanceof List<?> l) {
      ((List<Object>) l).add(value);
    } else {
      throw new Unconvertible("Unable to convert Block to JSON: " + block.type());
    }
  }

  private Object expression(Expression e) throws Unconvertible {
    if (e instanceof Expression.Literal l) return literal(l);
    if (e instanceof Expression.Unary u) {
      if (!(u.operand() instanceof Expression.Literal l)) return wrap(e);
      Object v = literal(l);
      if (u.operator() == Expression.Operator.NOT && v instanceof Boolean b) return !b;
      if (u.operator() == Expression.Operator.NEGATE && v instanceof BigDecimal n) return n.negate();
      throw new Unconvertible("invalid operand for unary operator");
    }
    if (e instanceof Expression.Template t) {
      if (t.wrapped().isPresent() && !t.heredoc()) return expression(t.wrapped().get());
      return template(t.parts());
    }
    if (e instanceof Expression.Tuple t) {
      List<Object> list = new ArrayList<>();
      for (Expression item : t.items()) list.add(expression(item));
      return list;
    }
    if (e instanceof Expression.ObjectCons o) {
      Map<String, Object> m = new TreeMap<>();
      for (Expression.ObjectCons.Item item : o.items()) m.put(key(item.key()), expression(item.value()));
      return m;
    }
    return wrap(e);
  }

  private String wrap(Expression e) throws Unconvertible {
    return "${" + source(e.range()) + "}";
  }

  private static Object literal(Expression.Literal l) throws Unconvertible {
    return switch (l.kind()) {
      case NUMBER -> number(l.text());
      case BOOL -> Boolean.valueOf(l.text());
      case NULL -> JsonText.NULL;
    };
  }

  /**
   * A number as hcl2json writes it, through a 64-bit float: one beyond its range cannot be
   * written, one too small for a decimal's scale is zero (Go's float underflows to zero too).
   */
  private static BigDecimal number(String text) throws Unconvertible {
    BigDecimal n;
    try {
      n = new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException underflow) {
      return BigDecimal.ZERO;
    }
    if (Double.isInfinite(n.doubleValue())) throw new Unconvertible("cannot serialize infinity as JSON");
    return n;
  }

  private String key(Expression key) throws Unconvertible {
    if (key instanceof Expression.ObjectKey k) {
      if (k.wrapped() instanceof Expression.Variable || k.wrapped() instanceof Expression.GetAttr) {
        return source(k.wrapped().range());
      }
      return stringPart(k.wrapped());
    }
    return stringPart(key);
  }

  private String template(List<TemplatePart> parts) throws Unconvertible {
    StringBuilder sb = new StringBuilder();
    for (TemplatePart p : parts) {
      if (p instanceof TemplatePart.Text t) {
        sb.append(escapeTemplateText(t.text()));
      } else if (p instanceof TemplatePart.Interpolation i) {
        sb.append(stringPart(i.expression()));
      } else if (p instanceof TemplatePart.If f) {
        sb.append("%{if ").append(source(f.condition().range())).append('}').append(template(f.whenTrue()));
        String otherwise = template(f.whenFalse());
        if (!otherwise.isEmpty()) sb.append("%{else}").append(otherwise);
        sb.append("%{endif}");
      } else if (p instanceof TemplatePart.For f) {
        sb.append("%{for ");
        if (f.keyVar().isPresent()) sb.append(f.keyVar().get()).append(", ");
        sb.append(f.valueVar()).append(" in ").append(source(f.collection().range())).append('}')
            .append(template(f.body())).append("%{endfor}");
      }
    }
    return sb.toString();
  }

  /**
   * Literal text as HCL's JSON syntax writes it: its strings are templates too, so the converter
   * escapes a literal "${" as "$${" and a literal "%{" as "%%{".
   */
  static String escapeTemplateText(String text) {
    return text.replace("${", "$${").replace("%{", "%%{");
  }

  private String stringPart(Expression e) throws Unconvertible {
    if (e instanceof Expression.Literal l) {
      Object v = literal(l);
      if (v == JsonText.NULL) throw new Unconvertible("null in a string");
      return v instanceof BigDecimal n ? JsonText.goNumber(n) : v.toString();
    }
    if (e instanceof Expression.Template t) {
      if (t.wrapped().isPresent() && !t.heredoc()) return stringPart(t.wrapped().get());
      return template(t.parts());
    }
    if (e instanceof Expression.Conditional c) {
      StringBuilder sb = new StringBuilder("%{if ").append(source(c.condition().range())).append('}')
          .append(stringPart(c.whenTrue()));
      String otherwise = stringPart(c.whenFalse());
      if (!otherwise.isEmpty()) sb.append("%{else}").append(otherwise);
      return sb.append("%{endif}").toString();
    }
    return wrap(e);
  }

  /** The converter also takes a ')' that directly follows a range, and fails past the end of the file. */
  private String source(SourceRange r) throws Unconvertible {
    String text = file.text();
    int end = r.end();
    if (end >= text.length()) throw new Unconvertible("expression at the very end of the file");
    if (text.charAt(end) == ')') end++;
    return text.substring(r.start(), end);
  }

  /** JSON text exactly as JavaScript's JSON.stringify writes the oracle's output. */
  public static String toJson(Object value) {
    StringBuilder sb = new StringBuilder();
    JsonText.write(value, sb);
    return sb.toString();
  }

  /** Keeps a map's keys in the order JavaScript objects iterate them: integer keys first. */
  static Map<String, Object> jsOrder(Map<String, Object> sorted) {
    Map<String, Object> out = new LinkedHashMap<>();
    sorted.keySet().stream().filter(JsonText::isArrayIndex).sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)))
        .forEach(k -> out.put(k, sorted.get(k)));
    sorted.forEach((k, v) -> {
      if (!JsonText.isArrayIndex(k)) out.put(k, v);
    });
    return out;
  }
}
