package dev.iamlint.terraform.evaluation;

import dev.iamlint.hcl.Expression;
import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.InstanceMarks;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** HCL's operators over values, and the string conversion templates use. */
final class Operators {
  private Operators() {}

  static Value binary(Expression.Operator op, Supplier<Value> left, Supplier<Value> right, Location at) {
    if (op == Expression.Operator.AND || op == Expression.Operator.OR) {
      boolean and = op == Expression.Operator.AND;
      Value l = left.get();
      Optional<Boolean> lb = l.asBoolean();
      // Short-circuit (HCL 2.24): false && x is false, true || x is true, whatever x is.
      if (lb.isPresent() && lb.get() != and) return new Value.Bool(!and, at, Provenance.LITERAL);
      Value r = right.get();
      Optional<Boolean> rb = r.asBoolean();
      if (rb.isPresent() && rb.get() != and) return new Value.Bool(!and, at, Provenance.LITERAL);
      if (lb.isPresent() && rb.isPresent()) return new Value.Bool(and, at, Provenance.LITERAL);
      return EvaluatedValues.unknown(Value.Cause.INPUT, "a logical operand is unknown", at);
    }
    Value l = left.get();
    Value r = right.get();
    if (op == Expression.Operator.EQUAL || op == Expression.Operator.NOT_EQUAL) {
      Optional<Boolean> eq = equal(l, r);
      if (eq.isEmpty()) return unknownOf(l, r, at);
      return new Value.Bool(eq.get() == (op == Expression.Operator.EQUAL), at, Provenance.LITERAL);
    }
    Optional<BigDecimal> a = l.asNumber();
    Optional<BigDecimal> b = r.asNumber();
    if (a.isEmpty() || b.isEmpty()) return unknownOf(l, r, at);
    try {
      return arithmetic(op, a.get(), b.get(), at);
    } catch (ArithmeticException e) {
      // An exponent beyond what a decimal holds (1e999999999 * 1e999999999).
      return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "the result of " + op.symbol() + " is out of range", at);
    }
  }

  private static Value arithmetic(Expression.Operator op, BigDecimal x, BigDecimal y, Location at) {
    switch (op) {
      case ADD: return num(x.add(y), at);
      case SUBTRACT: return num(x.subtract(y), at);
      case MULTIPLY: return num(x.multiply(y), at);
      case DIVIDE:
        if (y.signum() == 0) return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "division by zero", at);
        return num(x.divide(y, EvaluatedValues.MATH), at);
      case MODULO:
        if (y.signum() == 0) return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "modulo by zero", at);
        return num(x.remainder(y), at);
      case LESS: return new Value.Bool(x.compareTo(y) < 0, at, Provenance.LITERAL);
      case GREATER: return new Value.Bool(x.compareTo(y) > 0, at, Provenance.LITERAL);
      case LESS_EQUAL: return new Value.Bool(x.compareTo(y) <= 0, at, Provenance.LITERAL);
      case GREATER_EQUAL: return new Value.Bool(x.compareTo(y) >= 0, at, Provenance.LITERAL);
      default: return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "operator " + op.symbol(), at);
    }
  }

  private static Value unknownOf(Value l, Value r, Location at) {
    Value u = l instanceof Value.Unknown || l instanceof Value.OneOf ? l : r;
    if (u instanceof Value.Unknown unknown) {
      return new Value.Unknown(unknown.cause(), unknown.reason(), Optional.empty(), Optional.empty(), at, Provenance.LITERAL);
    }
    if (u instanceof Value.OneOf) return EvaluatedValues.unknown(Value.Cause.INPUT, "an operand depends on a condition", at);
    return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "operands of the wrong type", at);
  }

  private static Value num(BigDecimal v, Location at) {
    // Exact arithmetic has no bound of its own: a number squared forty times has 10^12 digits.
    Budget.digits(v);
    return new Value.Num(v.stripTrailingZeros().scale() < 0 ? v.setScale(0, RoundingMode.UNNECESSARY) : v.stripTrailingZeros(),
        at, Provenance.LITERAL);
  }

  static Value unary(Expression.Operator op, Value v, Location at) {
    if (op == Expression.Operator.NOT) {
      return v.asBoolean().<Value>map(b -> new Value.Bool(!b, at, Provenance.LITERAL)).orElseGet(() -> unknownOf(v, v, at));
    }
    return v.asNumber().<Value>map(n -> num(n.negate(), at)).orElseGet(() -> unknownOf(v, v, at));
  }

  /** The ARN or id of a resource instance, as the provider gives it at apply: never empty. */
  private static boolean neverEmpty(Value v) {
    return v instanceof Value.Unknown u && u.cause() == Value.Cause.DEPLOY_TIME && u.partial().isEmpty()
        && u.reference().filter(r -> r.attribute().equals("arn") || r.attribute().equals("id")).isPresent();
  }

  /** The empty text or null: what a module tests for "none given", never an ARN the provider sets. */
  private static boolean isEmptyText(Value v) {
    return (v instanceof Value.Str s && s.value().isEmpty()) || v instanceof Value.Null;
  }

  /**
   * Deep equality of known values; empty when either side is unknown, except that a resource's
   * ARN or id known only after apply is never the empty text nor null (a module's "no key given"
   * test, {@code var.kms_key_arn == ""} or {@code != null}, is decided for the key the caller creates).
   */
  static Optional<Boolean> equal(Value a, Value b) {
    if ((neverEmpty(a) && isEmptyText(b)) || (neverEmpty(b) && isEmptyText(a))) return Optional.of(false);
    if (!a.isKnown() || !b.isKnown()) return Optional.empty();
    if (a instanceof Value.Null || b instanceof Value.Null) return Optional.of(a instanceof Value.Null && b instanceof Value.Null);
    if (a instanceof Value.Num x && b instanceof Value.Num y) return Optional.of(x.value().compareTo(y.value()) == 0);
    if (a instanceof Value.ListV x && b instanceof Value.ListV y) {
      if (x.items().size() != y.items().size()) return Optional.of(false);
      for (int i = 0; i < x.items().size(); i++) {
        Optional<Boolean> e = equal(x.items().get(i), y.items().get(i));
        if (e.isEmpty() || !e.get()) return e;
      }
      return Optional.of(true);
    }
    if (a instanceof Value.MapV x && b instanceof Value.MapV y) {
      if (x.entries().size() != y.entries().size()) return Optional.of(false);
      for (Value.MapV.Entry e : x.entries()) {
        Optional<Value> other = y.get(e.key());
        if (other.isEmpty()) return Optional.of(false);
        Optional<Boolean> eq = equal(e.value(), other.get());
        if (eq.isEmpty() || !eq.get()) return eq;
      }
      return Optional.of(true);
    }
    if (a.getClass() != b.getClass()) return Optional.of(false);
    return Optional.of(a.asText().equals(b.asText()));
  }

  /**
   * Joins template parts into a string. Unknown parts leave a hole in the partial text, so an
   * ARN built with an unknown account id can still be recognised.
   */
  static Value concat(List<Value> parts, Location at) {
    StringBuilder text = new StringBuilder();
    Provenance provenance = Provenance.LITERAL;
    Value.Unknown first = null;
    Optional<Reference> reference = Optional.empty();
    for (Value part : parts) {
      if (part instanceof Value.Unknown pu) reference = Reference.preferred(reference, pu.reference());
      // A document whose text is not all known, in a longer text: that text is not known either.
      if (part instanceof Value.Str s && s.textHasHoles()) part = s.asUnknownText();
      Optional<String> t = part instanceof Value.Null ? Optional.empty() : part.asText();
      if (t.isPresent()) {
        String piece = part instanceof Value.Num n ? plain(n.value()) : t.get();
        Budget.characters((long) text.length() + piece.length());
        text.append(piece);
        provenance = provenance.then(part.provenance());
      } else if (part instanceof Value.Unknown u) {
        String piece = u.partial().orElse(String.valueOf(Value.Unknown.HOLE));
        Budget.characters((long) text.length() + piece.length());
        text.append(piece);
        if (first == null) first = u;
      } else {
        text.append(Value.Unknown.HOLE);
        if (first == null) {
          first = new Value.Unknown(part instanceof Value.OneOf ? Value.Cause.INPUT : Value.Cause.UNSUPPORTED,
              part instanceof Value.OneOf ? "a part of the string depends on a condition" : "a template part is not a string",
              Optional.empty(), Optional.empty(), part.location(), Provenance.LITERAL);
        }
      }
    }
    if (first == null) return new Value.Str(text.toString(), at, provenance);
    return new Value.Unknown(first.cause(), first.reason(), reference.or(first::reference), Optional.of(text.toString()), at, provenance);
  }

  static String plain(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }

  /**
   * Key/value pairs of a known list (index keys) or map; null when the collection is not known.
   * A map's or object's pairs come in the order of their keys, as Terraform iterates them (a
   * {@code for} over {@code {zeta = ..., alpha = ...}} starts with alpha), not as written.
   */
  static List<Map.Entry<Value, Value>> entries(Value collection) {
    List<Map.Entry<Value, Value>> items = new ArrayList<>();
    if (collection instanceof Value.ListV l) {
      for (int i = 0; i < l.items().size(); i++) {
        items.add(Map.entry(new Value.Num(BigDecimal.valueOf(i), l.location(), Provenance.LITERAL), l.items().get(i)));
      }
      return items;
    }
    if (collection instanceof Value.MapV m) {
      List<Value.MapV.Entry> sorted = new ArrayList<>(m.entries());
      sorted.sort(Comparator.comparing(Value.MapV.Entry::key));
      for (Value.MapV.Entry e : sorted) items.add(Map.entry(InstanceMarks.key(e, m.location()), e.value()));
      return items;
    }
    if (collection instanceof Value.Null) return items;
    return null;
  }
}
