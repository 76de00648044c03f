package dev.iamlint.terraform.functions;

import static dev.iamlint.terraform.functions.FnSupport.define;
import static dev.iamlint.terraform.functions.FnSupport.integer;
import static dev.iamlint.terraform.functions.FnSupport.list;
import static dev.iamlint.terraform.functions.FnSupport.located;
import static dev.iamlint.terraform.functions.FnSupport.mkBool;
import static dev.iamlint.terraform.functions.FnSupport.mkList;
import static dev.iamlint.terraform.functions.FnSupport.mkMap;
import static dev.iamlint.terraform.functions.FnSupport.mkNull;
import static dev.iamlint.terraform.functions.FnSupport.mkNum;
import static dev.iamlint.terraform.functions.FnSupport.mkStr;
import static dev.iamlint.terraform.functions.FnSupport.requireKnown;
import static dev.iamlint.terraform.functions.FnSupport.requireTop;
import static dev.iamlint.terraform.functions.FnSupport.str;

import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.FnSupport.FnError;
import dev.iamlint.terraform.functions.FnSupport.FnNeed;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Collection functions. Lists, tuples and sets are all lists here; maps and objects are maps. */
final class FnCollections {
  private FnCollections() {}

  static final int MAX_RANGE = 1024;

  static void into(Map<String, TfFunction> m) {
    m.put("merge", define("merge", 0, FnSupport.VARIADIC, (a, at, f) -> {
      LinkedHashMap<String, Value.MapV.Entry> out = new LinkedHashMap<>();
      for (Value v : a) {
        if (v instanceof Value.Null) continue;
        requireTop(v);
        if (!(v instanceof Value.MapV mv)) throw new FnError("arguments must be maps or objects, got " + FnSupport.kind(v));
        // A resource instance has every attribute of its type, most known only after apply: each
        // key before it that it does not write may be replaced by one of them.
        Optional<String> instance = InstanceMarks.instanceOf(mv);
        if (instance.isPresent()) {
          for (Map.Entry<String, Value.MapV.Entry> e : out.entrySet()) {
            if (mv.get(e.getKey()).isEmpty()) {
              Value after = InstanceMarks.afterApply(instance.get(), e.getKey(), e.getValue().value().location());
              e.setValue(new Value.MapV.Entry(e.getKey(), e.getValue().keyLocation(), after));
            }
          }
        }
        for (Value.MapV.Entry e : mv.entries()) out.put(e.key(), e);
        Budget.elements(out.size(), "a map");
      }
      return mkMap(new ArrayList<>(out.values()), at);
    }));
    m.put("concat", define("concat", 1, FnSupport.VARIADIC, (a, at, f) -> {
      long size = 0;
      for (int k = 0; k < a.size(); k++) size += list(a.get(k), "argument " + (k + 1)).size();
      // Sized first: forty doublings of a list are a list of 2^40 elements.
      Budget.elements(size, "a list");
      List<Value> out = new ArrayList<>();
      for (int k = 0; k < a.size(); k++) out.addAll(list(a.get(k), "argument " + (k + 1)));
      return InstanceMarks.listFrom(out, a, at);
    }));
    m.put("flatten", define("flatten", 1, 1, (a, at, f) -> {
      List<Value> out = new ArrayList<>();
      List<Value> lists = new ArrayList<>(List.of(a.get(0)));
      flatten(list(a.get(0), "the argument"), out, lists, 0);
      // An item not known may be a list of any length, the empty one included (not a resource's
      // ARN, id or name, which is one text).
      Optional<Value> unknown = out.stream().filter(v -> v instanceof Value.Unknown u && !InstanceMarks.scalarAttribute(u)).findFirst();
      if (unknown.isPresent()) {
        return Value.ListV.ofUnknownLength(out, "flatten of a value not known (" + ((Value.Unknown) unknown.get()).reason() + ")", at, Provenance.LITERAL);
      }
      return InstanceMarks.listFrom(out, lists, at);
    }));
    m.put("distinct", define("distinct", 1, 1, (a, at, f) -> {
      List<Value> items = list(a.get(0), "the argument");
      requireKnown(a.get(0));
      Map<Object, Value> out = new LinkedHashMap<>();
      for (Value v : FnSupport.unify(items, "the list")) out.putIfAbsent(FnSupport.key(v), v);
      return InstanceMarks.listFrom(new ArrayList<>(out.values()), a, at);
    }));
    m.put("compact", define("compact", 1, 1, (a, at, f) -> {
      List<Value> out = new ArrayList<>();
      // An item not known may be null or "", and left out.
      Optional<Value> unknown = Optional.empty();
      for (Value v : list(a.get(0), "the argument")) {
        if (v instanceof Value.Null) continue;
        if (!v.isKnown()) {
          out.add(v);
          unknown = Optional.of(v);
          continue;
        }
        if (v instanceof Value.Str s) {
          if (!s.value().isEmpty()) out.add(v);
        } else if (FnSupport.isScalar(v)) {
          out.add(new Value.Str(FnSupport.scalarText(v), v.location(), v.provenance()));
        } else {
          throw new FnError("the list must hold strings, not " + FnSupport.kind(v));
        }
      }
      if (unknown.isPresent()) {
        return Value.ListV.ofUnknownLength(out, "compact of a value not known"
            + (unknown.get() instanceof Value.Unknown u ? " (" + u.reason() + ")" : ""), at, Provenance.LITERAL);
      }
      return InstanceMarks.listFrom(out, a, at);
    }));
    m.put("lookup", define("lookup", 2, 3, (a, at, f) -> {
      Value map = a.get(0);
      if (map.isKnown() && !(map instanceof Value.MapV)) {
        throw new FnError("the first argument must be a map, not " + FnSupport.kind(map));
      }
      String key = str(a.get(1), "the key");
      requireTop(map);
      Value.MapV mv = (Value.MapV) map;
      var found = mv.get(key);
      if (found.isPresent()) return located(found.get(), at);
      // A resource instance has the attributes its arguments do not write, known after apply.
      Optional<String> instance = InstanceMarks.instanceOf(mv);
      if (instance.isPresent()) return InstanceMarks.afterApply(instance.get(), key, at);
      if (a.size() == 3) return located(a.get(2), at);
      throw new FnError("the map has no key \"" + key + "\"");
    }));
    m.put("element", define("element", 2, 2, (a, at, f) -> {
      List<Value> items = list(a.get(0), "the first argument");
      int index = integer(a.get(1), "the index");
      if (items.isEmpty()) throw new FnError("cannot use element function with an empty list");
      Value unknownPosition = InstanceMarks.atUnknownPosition(a.get(0), at).orElse(null);
      if (unknownPosition != null) return unknownPosition;
      int k = index % items.size();
      if (k < 0) k += items.size();
      return located(items.get(k), at);
    }));
    m.put("keys", define("keys", 1, 1, (a, at, f) -> {
      Value.MapV mv = mapArg(a.get(0), "keys");
      Optional<Value> attributes = InstanceMarks.attributesAfterApply(mv, at);
      if (attributes.isPresent()) return attributes.get();
      List<Value> out = new ArrayList<>();
      for (Value.MapV.Entry e : FnSupport.sortedEntries(mv)) {
        out.add(InstanceMarks.key(e, at));
      }
      return mkList(out, at);
    }));
    m.put("values", define("values", 1, 1, (a, at, f) -> {
      Value.MapV mv = mapArg(a.get(0), "values");
      Optional<Value> attributes = InstanceMarks.attributesAfterApply(mv, at);
      if (attributes.isPresent()) return attributes.get();
      List<Value> out = new ArrayList<>();
      for (Value.MapV.Entry e : FnSupport.sortedEntries(mv)) out.add(e.value());
      return mkList(out, at);
    }));
    m.put("zipmap", define("zipmap", 2, 2, (a, at, f) -> {
      List<Value> keys = list(a.get(0), "the keys");
      requireKnown(a.get(0));
      List<Value> values = list(a.get(1), "the values");
      if (keys.size() != values.size()) {
        throw new FnError("number of keys (" + keys.size() + ") does not match number of values (" + values.size() + ")");
      }
      LinkedHashMap<String, Value.MapV.Entry> out = new LinkedHashMap<>();
      for (int k = 0; k < keys.size(); k++) {
        Value key = keys.get(k);
        if (key instanceof Value.Null) throw new FnError("keys list has null value at index " + k);
        String name = str(key, "key " + k);
        out.put(name, new Value.MapV.Entry(name, key.location() == null ? at : key.location(), values.get(k)));
      }
      return mkMap(new ArrayList<>(out.values()), at);
    }));
    m.put("coalesce", define("coalesce", 1, FnSupport.VARIADIC, FnCollections::coalesce));
    m.put("coalescelist", define("coalescelist", 1, FnSupport.VARIADIC, (a, at, f) -> {
      for (int k = 0; k < a.size(); k++) {
        Value v = a.get(k);
        if (v instanceof Value.Null) continue;
        if (list(v, "argument " + (k + 1)).isEmpty()) continue;
        // A list of instances not known may be empty: which argument is taken is not known.
        if (k < a.size() - 1) InstanceMarks.unknownNumber(v, at).ifPresent(u -> { throw new FnNeed(u); });
        return located(v, at);
      }
      throw new FnError("no non-null, non-empty arguments");
    }));
    m.put("contains", define("contains", 2, 2, (a, at, f) -> {
      List<Value> items = list(a.get(0), "the first argument");
      if (items.isEmpty()) return mkBool(false, at);
      Value value = a.get(1);
      requireTop(value);
      Value unknown = null;
      for (Value item : items) {
        Truth t = FnSupport.equalTruth(item, value);
        if (t.isTrue()) return mkBool(true, at);
        if (t == Truth.UNKNOWN && unknown == null) unknown = FnSupport.firstUnknown(item) == null ? value : item;
      }
      if (unknown != null) throw new FnNeed(FnSupport.firstUnknown(unknown));
      return mkBool(false, at);
    }));
    m.put("length", define("length", 1, 1, (a, at, f) -> {
      Value v = a.get(0);
      requireTop(v);
      if (v instanceof Value.Str s) return mkNum(FnSupport.graphemeCount(s.value()), at);
      InstanceMarks.unknownNumber(v, at).ifPresent(u -> { throw new FnNeed(u); });
      if (v instanceof Value.ListV l) return mkNum(l.items().size(), at);
      if (v instanceof Value.MapV mv) return mkNum(FnSupport.entries(mv).size(), at);
      if (v instanceof Value.Null) throw new FnError("the argument must not be null");
      throw new FnError("the argument must be a string, a collection type, or a structural type, not " + FnSupport.kind(v));
    }));
    m.put("sort", define("sort", 1, 1, (a, at, f) -> {
      List<Value> items = list(a.get(0), "the argument");
      requireKnown(a.get(0));
      List<Value.Str> strs = new ArrayList<>();
      for (Value v : items) {
        if (v instanceof Value.Null) throw new FnError("the list must not hold null values");
        if (v instanceof Value.Str s) strs.add(s);
        else if (FnSupport.isScalar(v)) strs.add(new Value.Str(FnSupport.scalarText(v), v.location(), v.provenance()));
        else throw new FnError("the list must hold strings, not " + FnSupport.kind(v));
      }
      strs.sort((x, y) -> FnSupport.CODEPOINTS.compare(x.value(), y.value()));
      return InstanceMarks.listFrom(new ArrayList<>(strs), a, at);
    }));
    m.put("reverse", define("reverse", 1, 1, (a, at, f) -> {
      List<Value> out = new ArrayList<>(list(a.get(0), "the argument"));
      Collections.reverse(out);
      return InstanceMarks.listFrom(out, a, at);
    }));
    m.put("slice", define("slice", 3, 3, (a, at, f) -> {
      List<Value> items = list(a.get(0), "the first argument");
      int start = integer(a.get(1), "the start index");
      int end = integer(a.get(2), "the end index");
      InstanceMarks.unknownNumber(a.get(0), at).ifPresent(u -> { throw new FnNeed(u); });
      if (start < 0) throw new FnError("start index must not be less than zero");
      if (start > items.size()) throw new FnError("start index must not be greater than the length of the list");
      if (end < 0) throw new FnError("end index must not be less than zero");
      if (end > items.size()) throw new FnError("end index must not be greater than the length of the list");
      if (start > end) throw new FnError("start index must not be greater than end index");
      return mkList(items.subList(start, end), at);
    }));
    m.put("range", define("range", 1, 3, FnCollections::range));
    m.put("index", define("index", 2, 2, (a, at, f) -> {
      List<Value> items = list(a.get(0), "the first argument");
      if (items.isEmpty()) throw new FnError("cannot search an empty list");
      Value value = a.get(1);
      for (int k = 0; k < items.size(); k++) {
        Truth t = FnSupport.equalTruth(items.get(k), value);
        if (t == Truth.UNKNOWN) {
          Value u = FnSupport.firstUnknown(items.get(k));
          throw new FnNeed(u != null ? u : FnSupport.firstUnknown(value));
        }
        if (t.isTrue()) return mkNum(k, at);
      }
      throw new FnError("item not found");
    }));
    m.put("one", define("one", 1, 1, (a, at, f) -> {
      List<Value> items = list(a.get(0), "the argument");
      if (items.isEmpty()) return mkNull(at);
      if (items.size() == 1) return located(items.get(0), at);
      InstanceMarks.unknownNumber(a.get(0), at).ifPresent(u -> { throw new FnNeed(u); });
      throw new FnError("must be a list, set, or tuple value with either zero or one elements, not " + items.size());
    }));
    m.put("alltrue", define("alltrue", 1, 1, (a, at, f) -> allAny(a.get(0), at, true)));
    m.put("anytrue", define("anytrue", 1, 1, (a, at, f) -> allAny(a.get(0), at, false)));
    m.put("setunion", define("setunion", 1, FnSupport.VARIADIC, (a, at, f) -> {
      // The arguments were counted as steps before the call; the union is checked as any value is.
      List<Value> all = new ArrayList<>();
      for (int k = 0; k < a.size(); k++) all.addAll(list(a.get(k), "argument " + (k + 1)));
      return mkList(FnSupport.asSet(all, "the sets"), at);
    }));
    m.put("setintersection", define("setintersection", 1, FnSupport.VARIADIC, (a, at, f) -> {
      List<List<Value>> sets = knownSets(a);
      List<Set<Object>> others = new ArrayList<>();
      for (List<Value> other : sets.subList(1, sets.size())) others.add(keys(other));
      List<Value> out = new ArrayList<>();
      for (Value v : sets.get(0)) {
        Object key = FnSupport.key(v);
        if (others.stream().allMatch(o -> o.contains(key))) out.add(v);
      }
      return mkList(FnSupport.asSet(out, "the sets"), at);
    }));
    m.put("setsubtract", define("setsubtract", 2, 2, (a, at, f) -> {
      List<List<Value>> sets = knownSets(a);
      Set<Object> subtracted = keys(sets.get(1));
      List<Value> out = new ArrayList<>();
      for (Value v : sets.get(0)) {
        if (!subtracted.contains(FnSupport.key(v))) out.add(v);
      }
      return mkList(FnSupport.asSet(out, "the sets"), at);
    }));
    m.put("setproduct", define("setproduct", 2, FnSupport.VARIADIC, (a, at, f) -> {
      List<List<Value>> product = new ArrayList<>();
      product.add(List.of());
      for (int k = 0; k < a.size(); k++) {
        List<Value> items = list(a.get(k), "argument " + (k + 1));
        List<List<Value>> next = new ArrayList<>();
        Budget.elements((long) product.size() * items.size(), "a list");
        for (List<Value> prefix : product) {
          for (Value v : items) {
            List<Value> p = new ArrayList<>(prefix);
            p.add(v);
            next.add(p);
          }
        }
        product = next;
      }
      List<Value> out = new ArrayList<>();
      for (List<Value> p : product) out.add(mkList(p, at));
      return mkList(out, at);
    }));
    m.put("chunklist", define("chunklist", 2, 2, (a, at, f) -> {
      List<Value> items = list(a.get(0), "the first argument");
      int size = integer(a.get(1), "the size");
      if (size < 0) throw new FnError("the size argument must be positive");
      List<Value> out = new ArrayList<>();
      if (items.isEmpty()) return mkList(out, at);
      if (size == 0) return mkList(List.of(mkList(items, at)), at);
      for (int k = 0; k < items.size(); k += size) {
        out.add(mkList(items.subList(k, Math.min(k + size, items.size())), at));
      }
      return mkList(out, at);
    }));
    m.put("transpose", define("transpose", 1, 1, (a, at, f) -> {
      Value.MapV mv = mapArg(a.get(0), "transpose");
      requireKnown(mv);
      TreeMap<String, List<Value>> out = new TreeMap<>(FnSupport.CODEPOINTS);
      for (Value.MapV.Entry e : FnSupport.sortedEntries(mv)) {
        for (Value v : list(e.value(), "the value of \"" + e.key() + "\"")) {
          if (!(v instanceof Value.Str s)) {
            throw new FnError("the values must be lists of strings, and \"" + e.key() + "\" holds " + FnSupport.kind(v));
          }
          out.computeIfAbsent(s.value(), k -> new ArrayList<>()).add(mkStr(e.key(), e.keyLocation() == null ? at : e.keyLocation()));
        }
      }
      List<Value.MapV.Entry> entries = new ArrayList<>();
      for (Map.Entry<String, List<Value>> e : out.entrySet()) {
        entries.add(new Value.MapV.Entry(e.getKey(), at, mkList(e.getValue(), at)));
      }
      return mkMap(entries, at);
    }));
    m.put("matchkeys", define("matchkeys", 3, 3, (a, at, f) -> {
      List<Value> values = list(a.get(0), "the values");
      List<Value> keys = list(a.get(1), "the keys");
      List<Value> search = list(a.get(2), "the search set");
      if (values.size() != keys.size()) throw new FnError("length of keys and values should be equal");
      if (search.isEmpty()) return mkList(List.of(), at);
      requireKnown(a.get(1));
      requireKnown(a.get(2));
      List<Value> both = new ArrayList<>(keys);
      both.addAll(search);
      List<Value> unified = FnSupport.unify(both, "the keys and the search set");
      Set<Object> searched = keys(unified.subList(keys.size(), unified.size()));
      List<Value> out = new ArrayList<>();
      for (int k = 0; k < keys.size(); k++) {
        if (searched.contains(FnSupport.key(unified.get(k)))) out.add(values.get(k));
      }
      return mkList(out, at);
    }));
  }

  private static Value.MapV mapArg(Value v, String fn) {
    requireTop(v);
    if (v instanceof Value.MapV mv) return mv;
    if (v instanceof Value.Null) throw new FnError("the argument must not be null");
    throw new FnError(fn + "() requires a map as the first argument, not " + FnSupport.kind(v));
  }

  private static Set<Object> keys(List<Value> items) {
    Set<Object> out = new HashSet<>();
    for (Value v : items) out.add(FnSupport.key(v));
    return out;
  }

  private static List<List<Value>> knownSets(List<Value> a) {
    List<List<Value>> sets = new ArrayList<>();
    for (int k = 0; k < a.size(); k++) {
      List<Value> items = list(a.get(k), "argument " + (k + 1));
      requireKnown(a.get(k));
      sets.add(items);
    }
    List<Value> all = new ArrayList<>();
    for (List<Value> s : sets) all.addAll(s);
    List<Value> unified = FnSupport.unify(all, "the sets");
    List<List<Value>> out = new ArrayList<>();
    int k = 0;
    for (List<Value> s : sets) {
      out.add(unified.subList(k, k + s.size()));
      k += s.size();
    }
    return out;
  }

  private static void flatten(List<Value> items, List<Value> out, List<Value> lists, int depth) {
    if (depth > FnJson.MAX_DEPTH) throw new FnError("the list is nested too deeply");
    for (Value v : items) {
      if (v instanceof Value.ListV l) {
        lists.add(l);
        flatten(l.items(), out, lists, depth + 1);
      } else {
        out.add(v);
        Budget.elements(out.size(), "a list");
      }
    }
  }

  /** The first argument that is neither null nor an empty string; an unknown before it decides nothing. */
  private static Value coalesce(List<Value> a, Location at, FileAccess files) {
    boolean anyString = a.stream().anyMatch(v -> v instanceof Value.Str);
    for (Value v : a) {
      if (v instanceof Value.OneOf o) {
        boolean allCandidates = true;
        for (Value alt : o.alternatives()) {
          if (!alt.isKnown() || alt instanceof Value.Null || (alt instanceof Value.Str s && s.value().isEmpty())) {
            allCandidates = false;
          }
        }
        if (allCandidates) return located(o, at);
        throw new FnNeed(o);
      }
      requireTop(v);
      if (v instanceof Value.Null) continue;
      if (v instanceof Value.Str s && s.value().isEmpty()) continue;
      if (anyString && (v instanceof Value.Num || v instanceof Value.Bool)) {
        return new Value.Str(FnSupport.scalarText(v), at, v.provenance());
      }
      return located(v, at);
    }
    throw new FnError("no non-null, non-empty-string arguments");
  }

  private static Value range(List<Value> a, Location at, FileAccess files) {
    BigDecimal start;
    BigDecimal end;
    BigDecimal step;
    List<BigDecimal> n = new ArrayList<>();
    for (int k = 0; k < a.size(); k++) {
      n.add(FnSupport.bounded(FnSupport.num(a.get(k), "argument " + (k + 1)), "argument " + (k + 1)));
    }
    if (n.size() == 1) {
      start = BigDecimal.ZERO;
      end = n.get(0);
      step = end.signum() < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE;
    } else {
      start = n.get(0);
      end = n.get(1);
      step = n.size() == 3 ? n.get(2) : end.compareTo(start) < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE;
    }
    if (step.signum() == 0) throw new FnError("step must not be zero");
    boolean down = step.signum() < 0;
    if (down && end.compareTo(start) > 0) throw new FnError("end must be less than start when step is negative");
    if (!down && end.compareTo(start) < 0) throw new FnError("end must be greater than start when step is positive");
    List<Value> out = new ArrayList<>();
    for (BigDecimal x = start; down ? x.compareTo(end) > 0 : x.compareTo(end) < 0; x = x.add(step)) {
      if (out.size() >= MAX_RANGE) {
        throw new FnError("more than 1024 values were generated; either decrease the difference between start and end or use a smaller step");
      }
      out.add(mkNum(x, at));
    }
    return mkList(out, at);
  }

  private static Value allAny(Value list, Location at, boolean all) {
    Value unknown = null;
    for (Value v : list(list, "the argument")) {
      if (!v.isKnown()) {
        if (unknown == null) unknown = v;
        continue;
      }
      if (v instanceof Value.Null) {
        if (all) return mkBool(false, at);
        continue;
      }
      boolean b = FnSupport.bool(v, "an element");
      if (all && !b) return mkBool(false, at);
      if (!all && b) return mkBool(true, at);
    }
    if (unknown != null) throw new FnNeed(unknown);
    return mkBool(all, at);
  }
}
