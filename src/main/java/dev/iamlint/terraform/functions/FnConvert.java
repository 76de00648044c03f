package dev.iamlint.terraform.functions;

import static dev.iamlint.terraform.functions.FnSupport.define;
import static dev.iamlint.terraform.functions.FnSupport.located;
import static dev.iamlint.terraform.functions.FnSupport.mkBool;
import static dev.iamlint.terraform.functions.FnSupport.mkList;
import static dev.iamlint.terraform.functions.FnSupport.mkMap;
import static dev.iamlint.terraform.functions.FnSupport.mkNull;
import static dev.iamlint.terraform.functions.FnSupport.mkNum;
import static dev.iamlint.terraform.functions.FnSupport.mkStr;
import static dev.iamlint.terraform.functions.FnSupport.requireTop;

import dev.iamlint.terraform.functions.FnSupport.FnError;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Type conversion functions, and the identity functions on sensitivity. */
final class FnConvert {
  private FnConvert() {}

  static void into(Map<String, TfFunction> m) {
    m.put("tostring", define("tostring", 1, 1, (a, at, f) -> {
      Value v = a.get(0);
      requireTop(v);
      if (v instanceof Value.Null) return mkNull(at);
      if (v instanceof Value.Str) return located(v, at);
      String t = FnSupport.scalarText(v);
      if (t != null) return mkStr(t, at);
      throw new FnError("cannot convert " + FnSupport.kind(v) + " to string");
    }));
    m.put("tonumber", define("tonumber", 1, 1, (a, at, f) -> {
      Value v = a.get(0);
      requireTop(v);
      if (v instanceof Value.Null) return mkNull(at);
      if (v instanceof Value.Num) return located(v, at);
      if (v instanceof Value.Str s) {
        BigDecimal d = FnSupport.parseNumber(s.value());
        if (d == null) throw new FnError("cannot convert \"" + s.value() + "\" to number; given string must be a decimal representation of a number");
        return mkNum(d, at);
      }
      throw new FnError("cannot convert " + FnSupport.kind(v) + " to number");
    }));
    m.put("tobool", define("tobool", 1, 1, (a, at, f) -> {
      Value v = a.get(0);
      requireTop(v);
      if (v instanceof Value.Null) return mkNull(at);
      if (v instanceof Value.Bool) return located(v, at);
      if (v instanceof Value.Str s) {
        String t = s.value();
        if (t.equals("true") || t.equals("1")) return mkBool(true, at);
        if (t.equals("false") || t.equals("0")) return mkBool(false, at);
        throw new FnError("cannot convert \"" + t + "\" to bool; only the strings \"true\" or \"false\" are allowed");
      }
      throw new FnError("cannot convert " + FnSupport.kind(v) + " to bool");
    }));
    m.put("tolist", define("tolist", 1, 1, (a, at, f) -> {
      Value v = a.get(0);
      requireTop(v);
      if (v instanceof Value.Null) return mkNull(at);
      if (v instanceof Value.ListV l) return InstanceMarks.listFrom(FnSupport.unify(l.items(), "the list"), List.of(v), at);
      throw new FnError("cannot convert " + FnSupport.kind(v) + " to list");
    }));
    m.put("toset", define("toset", 1, 1, (a, at, f) -> {
      Value v = a.get(0);
      requireTop(v);
      if (v instanceof Value.Null) return mkNull(at);
      if (v instanceof Value.ListV l) return InstanceMarks.listFrom(FnSupport.asSet(l.items(), "the set"), List.of(v), at);
      throw new FnError("cannot convert " + FnSupport.kind(v) + " to set");
    }));
    m.put("tomap", define("tomap", 1, 1, (a, at, f) -> {
      Value v = a.get(0);
      requireTop(v);
      if (v instanceof Value.Null) return mkNull(at);
      if (!(v instanceof Value.MapV mv)) throw new FnError("cannot convert " + FnSupport.kind(v) + " to map");
      List<Value.MapV.Entry> entries = new ArrayList<>(FnSupport.entries(mv).values());
      List<Value> values = new ArrayList<>();
      for (Value.MapV.Entry e : entries) values.add(e.value());
      List<Value> unified = FnSupport.unify(values, "the map");
      List<Value.MapV.Entry> out = new ArrayList<>();
      for (int k = 0; k < entries.size(); k++) {
        out.add(new Value.MapV.Entry(entries.get(k).key(), entries.get(k).keyLocation(), unified.get(k)));
      }
      return mkMap(out, at);
    }));
    m.put("sensitive", define("sensitive", 1, 1, (a, at, f) -> located(a.get(0), at)));
    m.put("nonsensitive", define("nonsensitive", 1, 1, (a, at, f) -> located(a.get(0), at)));
  }
}
