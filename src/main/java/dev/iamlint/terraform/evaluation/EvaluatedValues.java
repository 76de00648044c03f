package dev.iamlint.terraform.evaluation;

import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.InstanceMarks;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values evaluation makes that do not depend on a module: unknowns with their reason,
 * arithmetic's precision, and how a value is placed where it is used. Expressions, operators,
 * templates and type conversions use these without reaching back into {@link ModuleInstance}.
 */
final class EvaluatedValues {
  /** The provenance step that marks a map read from a resource instance. */
  static final String INSTANCE_MARK = InstanceMarks.MARK;

  /** The precision of Terraform's arithmetic on numbers. */
  static final MathContext MATH = MathContext.DECIMAL128;

  private EvaluatedValues() {}


  /** {@code v} with each null alternative replaced by {@code replacement}. */
  static Value nullTakes(Value v, Value replacement) {
    if (v instanceof Value.Null) return replacement;
    if (v instanceof Value.OneOf o) {
      List<Value> alternatives = new ArrayList<>();
      for (Value a : o.alternatives()) alternatives.add(a instanceof Value.Null ? replacement : a);
      return new Value.OneOf(alternatives, o.location(), o.provenance());
    }
    return v;
  }


  /**
   * A scalar argument is reported where the argument is written, saying where its value comes
   * from; structures (policy documents) keep the places of their own elements.
   */
  static Value atUse(Value v, Location use) {
    return atArgument(v, use);
  }

  private static Value atArgument(Value v, Location argument) {
    if (v instanceof Value.MapV || inside(v.location(), argument)) return v;
    if (v instanceof Value.ListV l) {
      List<Value> items = l.items().stream().map(i -> i instanceof Value.MapV ? i : atArgument(i, argument)).toList();
      return l.withItems(items, argument, l.provenance());
    }
    if (v instanceof Value.OneOf o) {
      return new Value.OneOf(o.alternatives().stream().map(a -> atArgument(a, argument)).toList(), argument, o.provenance());
    }
    Provenance from = v.provenance().isLiteral() ? Provenance.of("the value written", v.location()) : Provenance.LITERAL;
    return v.withOrigin(argument, from);
  }

  private static boolean inside(Location l, Location range) {
    return l.file().equals(range.file()) && range.compareTo(l) <= 0
        && (l.endLine() < range.endLine() || (l.endLine() == range.endLine() && l.endColumn() <= range.endColumn()));
  }


  /** For a map read from a resource instance: the instance address, when it is one. */
  static Optional<String> instanceOf(Value.MapV m) {
    return InstanceMarks.instanceOf(m);
  }

  static Value unknown(Value.Cause cause, String reason, Location at) {
    return new Value.Unknown(cause, reason, Optional.empty(), Optional.empty(), at, Provenance.LITERAL);
  }

  static String reason(Value v) {
    if (v instanceof Value.OneOf o && !o.alternatives().isEmpty()) {
      // The branches of an undecidable condition: say why it cannot be decided.
      return v.display() + o.alternatives().get(0).provenance().suffix();
    }
    return v instanceof Value.Unknown u ? u.reason() : v.display();
  }


}
