package dev.iamlint.terraform.evaluation;

import dev.iamlint.hcl.Expression;
import dev.iamlint.hcl.NumberLiteral;
import dev.iamlint.hcl.TemplatePart;
import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.Functions;
import dev.iamlint.terraform.functions.InstanceMarks;
import dev.iamlint.terraform.functions.JsonValues;
import dev.iamlint.terraform.functions.TfFunction;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Numbers;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates one expression in a module instance and a scope, with Terraform's semantics:
 * template unwrapping, short-circuit logic, conditionals that keep both branches when the
 * condition is unknown, splats, for expressions, and functions that never throw.
 */
final class Expressions {
  private final Evaluation module;
  private final Scope scope;
  private final String file;

  Expressions(Evaluation module, Scope scope, String file) {
    this.module = module;
    this.scope = scope;
    this.file = file;
  }

  private Location at(Expression e) {
    return e.range().location(file);
  }

  private Value sub(Expression e) {
    return module.eval(e, scope, file);
  }

  Value eval(Expression e) {
    if (e instanceof Expression.Literal l) return literal(l);
    if (e instanceof Expression.Template t) return template(t);
    if (e instanceof Expression.Parens p) return sub(p.inner());
    if (e instanceof Expression.Tuple t) {
      List<Value> items = new ArrayList<>();
      for (Expression item : t.items()) items.add(sub(item));
      return new Value.ListV(items, at(e), Provenance.LITERAL);
    }
    if (e instanceof Expression.ObjectCons o) return object(o);
    if (e instanceof Expression.ObjectKey k) return sub(k.wrapped());
    if (e instanceof Expression.Conditional c) return conditional(c);
    if (e instanceof Expression.Binary b) return Operators.binary(b.operator(), () -> sub(b.left()), () -> sub(b.right()), at(e));
    if (e instanceof Expression.Unary u) return Operators.unary(u.operator(), sub(u.operand()), at(e));
    if (e instanceof Expression.FunctionCall f) return call(f);
    if (e instanceof Expression.For f) return forExpression(f);
    if (e instanceof Expression.Splat s) return splat(s);
    if (e instanceof Expression.SplatItem) {
      return scope.get("<splat>").orElseGet(() -> EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "splat item outside a splat", at(e)));
    }
    return traversal(e);
  }

  private Value literal(Expression.Literal l) {
    Location at = at(l);
    return switch (l.kind()) {
      // A literal out of range is refused by the parser (native syntax) or unknown (JSON syntax).
      case NUMBER -> NumberLiteral.valid(l.text())
          ? Numbers.parse(l.text()).<Value>map(n -> new Value.Num(n, at, Provenance.LITERAL))
              .orElseGet(() -> EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "the number " + abbreviated(l.text())
                  + " has more than " + Numbers.MAX_DIGITS + " digits", at))
          : EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "the number " + abbreviated(l.text())
              + " is out of the range Terraform accepts", at);
      case BOOL -> new Value.Bool(Boolean.parseBoolean(l.text()), at, Provenance.LITERAL);
      case NULL -> new Value.Null(at, Provenance.LITERAL);
    };
  }

  /** A number's text as a message shows it: a long one is cut. */
  private static String abbreviated(String number) {
    return number.length() <= 40 ? number : number.substring(0, 20) + "..." + number.substring(number.length() - 12);
  }

  private Value object(Expression.ObjectCons o) {
    // A key written again replaces the earlier one and takes the last place.
    Map<String, Value.MapV.Entry> entries = new LinkedHashMap<>();
    for (Expression.ObjectCons.Item item : o.items()) {
      Optional<String> key = objectKey(item.key());
      Value value = sub(item.value());
      if (key.isEmpty()) {
        return EvaluatedValues.unknown(Value.Cause.INPUT, "an object key is unknown", at(item.key()));
      }
      entries.remove(key.get());
      entries.put(key.get(), new Value.MapV.Entry(key.get(), at(item.key()), value));
    }
    return new Value.MapV(new ArrayList<>(entries.values()), at(o), Provenance.LITERAL);
  }

  private Optional<String> objectKey(Expression key) {
    if (key instanceof Expression.ObjectKey k) {
      if (k.wrapped() instanceof Expression.Variable v) return Optional.of(v.name());
      if (k.wrapped() instanceof Expression.Literal l) return Optional.of(l.text());
      return Optional.empty();
    }
    return sub(key).asText();
  }

  private Value conditional(Expression.Conditional c) {
    Value condition = sub(c.condition());
    Optional<Boolean> decided = condition.asBoolean();
    if (decided.isPresent()) {
      // The branch not taken is not evaluated, but what it names is not left unused: a policy
      // document written there is the one another instance of the module takes.
      module.noteDocumentsIn(decided.get() ? c.whenFalse() : c.whenTrue());
      return sub(decided.get() ? c.whenTrue() : c.whenFalse());
    }
    String cond = EvaluatedValues.reason(condition);
    Value t = sub(c.whenTrue());
    Value f = sub(c.whenFalse());
    return new Value.OneOf(List.of(
        t.withOrigin(t.location(), Provenance.of("the true branch of a condition that is unknown (" + cond + ")", at(c.condition()))),
        f.withOrigin(f.location(), Provenance.of("the false branch of a condition that is unknown (" + cond + ")", at(c.condition())))),
        at(c), Provenance.LITERAL);
  }

  // ---- templates ----

  private Value template(Expression.Template t) {
    if (t.wrapped().isPresent()) return sub(t.wrapped().get());
    List<Value> parts = new ArrayList<>();
    render(t.parts(), parts);
    Value text = Operators.concat(parts, at(t));
    // The text is built anew at each evaluation (each instance of a for_each): work by its length.
    module.charge(text.weight());
    // A JSON text keeps its elements where it is written, wherever the string is used later.
    return JsonValues.written(text);
  }

  private void render(List<TemplatePart> parts, List<Value> out) {
    for (TemplatePart p : parts) {
      if (p instanceof TemplatePart.Text text) {
        out.add(new Value.Str(text.text(), text.range().location(file), Provenance.LITERAL));
      } else if (p instanceof TemplatePart.Interpolation i) {
        out.add(sub(i.expression()));
      } else if (p instanceof TemplatePart.If f) {
        Optional<Boolean> c = sub(f.condition()).asBoolean();
        if (c.isEmpty()) {
          out.add(EvaluatedValues.unknown(Value.Cause.INPUT, "a template condition is unknown", f.range().location(file)));
        } else {
          render(c.get() ? f.whenTrue() : f.whenFalse(), out);
        }
      } else if (p instanceof TemplatePart.For f) {
        Value collection = sub(f.collection());
        List<Map.Entry<Value, Value>> items = Operators.entries(collection);
        if (items == null) {
          out.add(EvaluatedValues.unknown(Value.Cause.INPUT, "a template loop runs over an unknown collection",
              f.range().location(file)));
          continue;
        }
        for (Map.Entry<Value, Value> item : items) {
          Scope s = scope.with(f.valueVar(), item.getValue());
          if (f.keyVar().isPresent()) s = s.with(f.keyVar().get(), item.getKey());
          new Expressions(module, s, file).render(f.body(), out);
        }
      }
    }
  }

  // ---- calls ----

  private Value call(Expression.FunctionCall f) {
    String name = f.name().startsWith("core::") ? f.name().substring(6) : f.name();
    Location at = at(f);
    if (name.equals("try")) return tryCall(f);
    if (name.equals("can")) {
      if (f.arguments().size() != 1) return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "can takes one argument", at);
      Value v = sub(f.arguments().get(0));
      if (isError(v)) return new Value.Bool(false, at, Provenance.LITERAL);
      return v instanceof Value.Unknown ? EvaluatedValues.unknown(Value.Cause.INPUT, "can of an unknown value", at)
          : new Value.Bool(true, at, Provenance.LITERAL);
    }
    List<Value> args = new ArrayList<>();
    for (Expression a : f.arguments()) args.add(sub(a));
    if (f.expandFinal() && !args.isEmpty()) {
      Value last = args.remove(args.size() - 1);
      if (last instanceof Value.ListV l) args.addAll(l.items());
      else return EvaluatedValues.unknown(Value.Cause.INPUT, name + "(...) expands a value that is not a known list", at);
    }
    if (name.equals("templatefile")) return Templates.templatefile(module, args, at);
    Optional<TfFunction> fn = Functions.get(name);
    if (fn.isEmpty()) return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "function " + f.name() + " is not evaluated", at);
    module.charge(argumentSteps(name, args));
    try {
      Value result = fn.get().call(args, at, module.files());
      // What a function builds is work too: the weight of its result (a decoded document, a flattened list).
      module.charge(result.weight());
      if (name.equals("jsonencode") && result instanceof Value.Unknown u && args.size() == 1
          && (args.get(0) instanceof Value.MapV || args.get(0) instanceof Value.ListV)) {
        // The text is not fully known, the structure is: policy rules judge the structure.
        return Value.Str.rendering(args.get(0), u.partial(), at, Provenance.of("jsonencode of a value with unknown parts"));
      }
      return result;
    } catch (Budget.Exceeded e) {
      throw e;
    } catch (RuntimeException e) {
      return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, name + " failed: " + e.getClass().getSimpleName(), at);
    }
  }

  /** Functions that look at their arguments' top level only (a lookup, a length, a copy of the elements). */
  private static final Set<String> SHALLOW = Set.of("length", "lookup", "element", "keys", "values", "slice", "one",
      "coalesce", "coalescelist", "merge", "concat", "reverse", "chunklist", "zipmap", "compact", "sort", "join", "split",
      "alltrue", "anytrue", "sum", "max", "min", "startswith", "endswith", "strcontains", "substr");

  /**
   * The steps a call takes before it builds anything: the arguments it reads, at their top level or
   * all the way down (jsonencode, flatten, a set operation comparing elements).
   */
  private static long argumentSteps(String name, List<Value> args) {
    boolean shallow = SHALLOW.contains(name);
    long steps = 1;
    for (Value a : args) {
      if (!shallow) steps += a.weight();
      else if (a instanceof Value.ListV l) steps += l.items().size();
      else if (a instanceof Value.MapV m) steps += m.entries().size();
      else if (a instanceof Value.Str s) steps += s.value().length() / Budget.CHARACTERS_PER_UNIT;
      else steps++;
    }
    return steps;
  }

  /** The first argument that evaluates without error; an unknown one makes the result unknown. */
  private Value tryCall(Expression.FunctionCall f) {
    for (Expression a : f.arguments()) {
      Value v = sub(a);
      if (isError(v)) continue;
      return v;
    }
    return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "no argument of try could be evaluated", at(f));
  }

  /** Errors are unknowns about things that do not exist or cannot work, not about inputs. */
  private static boolean isError(Value v) {
    return v instanceof Value.Unknown u && (u.cause() == Value.Cause.UNDECLARED || u.cause() == Value.Cause.UNSUPPORTED);
  }

  // ---- for, splat, traversal ----

  private Value forExpression(Expression.For f) {
    Value collection = sub(f.collection());
    List<Map.Entry<Value, Value>> items = Operators.entries(collection);
    Location at = at(f);
    if (items == null) {
      return EvaluatedValues.unknown(Value.Cause.INPUT, "a for expression over an unknown collection ("
          + EvaluatedValues.reason(collection) + ")", at);
    }
    List<Value> list = new ArrayList<>();
    Map<String, List<Value>> groups = new LinkedHashMap<>();
    Map<String, Value> map = new LinkedHashMap<>();
    Map<String, Location> keyLocations = new LinkedHashMap<>();
    for (Map.Entry<Value, Value> item : items) {
      Scope s = scope.with(f.valueVar(), item.getValue());
      if (f.keyVar().isPresent()) s = s.with(f.keyVar().get(), item.getKey());
      Expressions inner = new Expressions(module, s, file);
      if (f.condition().isPresent()) {
        Optional<Boolean> keep = inner.sub(f.condition().get()).asBoolean();
        if (keep.isEmpty()) return EvaluatedValues.unknown(Value.Cause.INPUT, "a for expression's condition is unknown", at);
        if (!keep.get()) continue;
      }
      Value value = inner.sub(f.value());
      if (f.key().isEmpty()) {
        list.add(value);
        continue;
      }
      Optional<String> key = inner.sub(f.key().get()).asText();
      if (key.isEmpty()) return EvaluatedValues.unknown(Value.Cause.INPUT, "a for expression's key is unknown", at);
      keyLocations.putIfAbsent(key.get(), value.location());
      if (f.grouping()) groups.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(value);
      else map.put(key.get(), value);
    }
    if (f.key().isEmpty()) return InstanceMarks.listFrom(list, List.of(collection), at);
    List<Value.MapV.Entry> entries = new ArrayList<>();
    if (f.grouping()) {
      groups.forEach((k, v) -> entries.add(new Value.MapV.Entry(k, keyLocations.get(k), new Value.ListV(v, at, Provenance.LITERAL))));
    } else {
      map.forEach((k, v) -> entries.add(new Value.MapV.Entry(k, keyLocations.get(k), v)));
    }
    return new Value.MapV(entries, at, Provenance.LITERAL);
  }

  private Value splat(Expression.Splat s) {
    Value source = sub(s.source());
    Location at = at(s);
    List<Value> items;
    if (source instanceof Value.ListV l) items = l.items();
    else if (source instanceof Value.Null) items = List.of();
    else if (source instanceof Value.Unknown) return source;
    else items = List.of(source);
    List<Value> out = new ArrayList<>();
    for (Value item : items) out.add(new Expressions(module, scope.with("<splat>", item), file).sub(s.each()));
    // aws_iam_role.r[*].arn of a resource whose count is not known: as many ARNs, not one.
    return InstanceMarks.listFrom(out, List.of(source), at);
  }

  /** A chain of .attr and [index] steps on a root name, a scope name, or any expression. */
  private Value traversal(Expression e) {
    List<Expression> steps = new ArrayList<>();
    Expression root = e;
    while (root instanceof Expression.GetAttr || root instanceof Expression.Index) {
      steps.add(0, root);
      root = root instanceof Expression.GetAttr g ? g.source() : ((Expression.Index) root).source();
    }
    Location at = at(e);
    Value current;
    int next;
    if (root instanceof Expression.Variable v) {
      Optional<Value> bound = bound(v.name(), steps);
      if (bound.isPresent()) {
        current = bound.get();
        next = v.name().equals("count") || v.name().equals("each") ? 1 : 0;
        if (v.name().equals("count") || v.name().equals("each")) current = current.withOrigin(at, Provenance.LITERAL);
      } else {
        List<Integer> consumed = new ArrayList<>();
        current = module.root(v.name(), steps, scope, file, at, consumed);
        next = consumed.stream().mapToInt(Integer::intValue).sum();
      }
    } else {
      current = sub(root);
      next = 0;
    }
    for (int i = next; i < steps.size(); i++) current = step(current, steps.get(i), at);
    // A referenced scalar, or list of scalars, is reported where it is used; the provenance says
    // where it is written. Objects (policy documents) keep the places of their own elements.
    return EvaluatedValues.atUse(current, at);
  }

  /** each.key, each.value, count.index, for-expression and dynamic-block variables. */
  private Optional<Value> bound(String name, List<Expression> steps) {
    if (name.equals("count") || name.equals("each")) {
      if (steps.isEmpty() || !(steps.get(0) instanceof Expression.GetAttr g)) return Optional.empty();
      return scope.get(name + "." + g.name());
    }
    return scope.get(name);
  }

  private Value step(Value current, Expression step, Location at) {
    if (current instanceof Value.OneOf o) {
      List<Value> alternatives = new ArrayList<>();
      for (Value alt : o.alternatives()) alternatives.add(step(alt, step, at));
      return new Value.OneOf(alternatives, at, o.provenance());
    }
    if (current instanceof Value.Unknown u) {
      String what = step instanceof Expression.GetAttr g ? "." + g.name() : "[...]";
      return new Value.Unknown(u.cause(), u.reason(), u.reference().map(r -> r.attribute().isEmpty()
          ? new Reference(r.scope(), r.address(), what.startsWith(".") ? what.substring(1) : "")
          : r), Optional.empty(), at, u.provenance());
    }
    if (step instanceof Expression.GetAttr g) {
      if (current instanceof Value.MapV m) {
        // A map's entries are searched, not hashed: a lookup in a large map is that many steps.
        module.charge(m.entries().size());
        Optional<Value> v = m.get(g.name());
        Optional<String> instance = EvaluatedValues.instanceOf(m);
        if (v.isPresent() && instance.isPresent() && g.name().equals("name") && GeneratedNames.generates(instance.get(), m)) {
          // No name given: the provider generates one. The element exists; its name is known after apply.
          return module.ofInstance(instance.get(), g.name(), EvaluatedValues.nullTakes(v.get(), module.computed(instance.get(), g.name(), at)));
        }
        // An instance reached through a splat or a collection (aws_iam_role.r.*.name) as through its index.
        if (v.isPresent()) return instance.isPresent() ? module.ofInstance(instance.get(), g.name(), v.get()) : v.get();
        if (instance.isPresent()) return module.computed(instance.get(), g.name(), at);
        return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "this object has no attribute \"" + g.name() + "\"", at);
      }
      return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "." + g.name() + " on a value that is not an object", at);
    }
    Expression.Index ix = (Expression.Index) step;
    Value key = sub(ix.key());
    if (current instanceof Value.ListV l) {
      Optional<BigDecimal> n = key.asNumber();
      if (n.isEmpty()) return EvaluatedValues.unknown(Value.Cause.INPUT, "an index is unknown", at);
      int i = n.get().intValue();
      Optional<Value> unknownPosition = InstanceMarks.atUnknownPosition(l, at);
      if (unknownPosition.isPresent() && i >= 0) return unknownPosition.get();
      if (i < 0 || i >= l.items().size()) return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "index " + i + " is out of range", at);
      return l.items().get(i);
    }
    if (current instanceof Value.MapV m) {
      module.charge(m.entries().size());
      Optional<String> k = key.asText();
      if (k.isEmpty()) return EvaluatedValues.unknown(Value.Cause.INPUT, "a map key is unknown", at);
      return m.get(k.get()).orElseGet(() -> EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "no element \"" + k.get() + "\"", at));
    }
    return EvaluatedValues.unknown(Value.Cause.UNSUPPORTED, "cannot index this value", at);
  }
}
