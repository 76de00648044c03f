package dev.iamlint.terraform.functions;

import dev.iamlint.value.Value;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Terraform's built-in functions over evaluated values. Each follows Terraform's semantics
 * (type conversions, ordering, error cases) and never throws: a wrong argument gives an
 * UNSUPPORTED unknown that says what is wrong, and an unknown argument the result depends on
 * gives an unknown with the same cause. {@code try} and {@code can} are not here: the evaluator
 * handles them, since their arguments must be evaluated lazily.
 */
public final class Functions {
  private Functions() {}

  private static final Map<String, TfFunction> FUNCTIONS;

  static {
    TreeMap<String, TfFunction> m = new TreeMap<>();
    FnJson.into(m);
    FnFormat.into(m);
    FnRegex.into(m);
    FnStrings.into(m);
    FnCollections.into(m);
    FnNumbers.into(m);
    FnConvert.into(m);
    FnEncoding.into(m);
    FnFiles.into(m);
    FUNCTIONS = Collections.unmodifiableMap(m);
  }

  /** The function named {@code name} ("core::" prefix allowed), if Terraform has it and we implement it. */
  public static Optional<TfFunction> get(String name) {
    if (name == null) return Optional.empty();
    String n = name.startsWith("core::") ? name.substring("core::".length()) : name;
    return Optional.ofNullable(FUNCTIONS.get(n));
  }

  /**
   * The elements of a set as Terraform holds them, as {@code toset} makes it: distinct, strings
   * and numbers sorted, unknown elements last; empty when they cannot make one set (a string
   * beside a list).
   */
  public static Optional<List<Value>> asSet(List<Value> items) {
    try {
      return Optional.of(FnSupport.asSet(items, "the set"));
    } catch (FnSupport.FnError e) {
      return Optional.empty();
    }
  }

  /** Names of all implemented functions, sorted. */
  public static List<String> names() {
    return List.copyOf(FUNCTIONS.keySet());
  }
}
