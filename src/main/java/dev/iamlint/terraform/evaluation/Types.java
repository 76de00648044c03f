package dev.iamlint.terraform.evaluation;

import dev.iamlint.hcl.Expression;
import dev.iamlint.terraform.functions.Functions;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Terraform's conversion of a variable's value to its declared type, for what changes values:
 * strings to numbers and bools, a set's elements made distinct and put in set order (a
 * {@code set(string)} written {@code ["zed", "amy"]} starts with "amy"), and
 * {@code optional(type, default)} attributes of objects filled in when missing. Anything else is
 * left as given.
 */
final class Types {
  private Types() {}

  static Value convert(Expression type, Value v, Evaluation module, String file) {
    if (!v.isKnown()) return v;
    if (type instanceof Expression.Variable t) {
      switch (t.name()) {
        case "number": {
          Optional<BigDecimal> n = v.asNumber();
          return n.isPresent() && !(v instanceof Value.Num) ? new Value.Num(n.get(), v.location(), v.provenance()) : v;
        }
        case "bool": {
          Optional<Boolean> b = v.asBoolean();
          return b.isPresent() && !(v instanceof Value.Bool) ? new Value.Bool(b.get(), v.location(), v.provenance()) : v;
        }
        case "string":
          if (v instanceof Value.Num || v instanceof Value.Bool) {
            return new Value.Str(v.asText().orElseThrow(), v.location(), v.provenance());
          }
          return v;
        default:
          return v;
      }
    }
    if (!(type instanceof Expression.FunctionCall f) || f.arguments().isEmpty()) return v;
    Expression inner = f.arguments().get(0);
    switch (f.name()) {
      case "list":
      case "set":
        if (v instanceof Value.ListV l) {
          List<Value> items = new ArrayList<>();
          for (Value item : l.items()) items.add(convert(inner, item, module, file));
          return l.withItems(f.name().equals("set") ? Functions.asSet(items).orElse(items) : items, l.location(), l.provenance());
        }
        return v;
      case "map":
        if (v instanceof Value.MapV m) {
          List<Value.MapV.Entry> entries = new ArrayList<>();
          for (Value.MapV.Entry e : m.entries()) {
            entries.add(new Value.MapV.Entry(e.key(), e.keyLocation(), convert(inner, e.value(), module, file)));
          }
          return new Value.MapV(entries, m.location(), m.provenance());
        }
        return v;
      case "object":
        return inner instanceof Expression.ObjectCons o && v instanceof Value.MapV m ? object(o, m, module, file) : v;
      default:
        return v;
    }
  }

  private static Value object(Expression.ObjectCons type, Value.MapV v, Evaluation module, String file) {
    List<Value.MapV.Entry> entries = new ArrayList<>(v.entries());
    for (Expression.ObjectCons.Item item : type.items()) {
      if (!(item.key() instanceof Expression.ObjectKey k) || !(k.wrapped() instanceof Expression.Variable name)) continue;
      Expression attrType = item.value();
      boolean optional = attrType instanceof Expression.FunctionCall c && c.name().equals("optional");
      Expression valueType = optional ? ((Expression.FunctionCall) attrType).arguments().get(0) : attrType;
      Optional<Value.MapV.Entry> present = v.entry(name.name());
      if (present.isPresent()) {
        entries.set(entries.indexOf(present.get()), new Value.MapV.Entry(name.name(), present.get().keyLocation(),
            convert(valueType, present.get().value(), module, file)));
      } else if (optional && ((Expression.FunctionCall) attrType).arguments().size() > 1) {
        Expression def = ((Expression.FunctionCall) attrType).arguments().get(1);
        Value d = module.eval(def, Scope.EMPTY, file);
        entries.add(new Value.MapV.Entry(name.name(), d.location(),
            d.withOrigin(d.location(), Provenance.of("optional() default of attribute " + name.name(), d.location()))));
      } else if (optional) {
        entries.add(new Value.MapV.Entry(name.name(), v.location(), new Value.Null(v.location(), Provenance.LITERAL)));
      }
    }
    return new Value.MapV(entries, v.location(), v.provenance());
  }
}
