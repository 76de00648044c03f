package dev.iamlint.iam;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.source.Location;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.lang.ref.SoftReference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents of AWS managed policies (bundled), read into the same model as the policies
 * the user writes, so the same analysis judges both. Their elements are located at the
 * attachment that brings them in: that is where the user can act.
 */
public final class ManagedPolicyDocuments {
  /**
   * Documents by the place that attaches them, softly held: each is a copy of the whole policy
   * (ReadOnlyAccess names thousands of actions), made again when memory ran short.
   */
  private static final Map<Placed, SoftReference<PolicyDocument>> CACHE = new ConcurrentHashMap<>();

  /** A policy at the place that attaches it. */
  private record Placed(String name, Location at) {
    // Written out (the values the record's own give): the generated ones are bound on first use
    // through method handles, which a fresh JVM builds at some cost.
    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Placed p && Objects.equals(name, p.name) && Objects.equals(at, p.at);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(name) * 31 + Objects.hashCode(at);
    }
  }
  /** Each policy's document parsed once; it is converted for each place that attaches it. */
  private static final Map<String, JsonElement> PARSED = new ConcurrentHashMap<>();

  private ManagedPolicyDocuments() {}

  /** The document of the AWS managed policy named by {@code name}, located at {@code at}. */
  public static Optional<PolicyDocument> document(String name, Location at) {
    Optional<ManagedPolicyCatalog.ManagedPolicy> policy = ManagedPolicyCatalog.bundled().byName(name);
    if (policy.isEmpty()) return Optional.empty();
    Placed key = new Placed(name, at);
    SoftReference<PolicyDocument> kept = CACHE.get(key);
    PolicyDocument document = kept == null ? null : kept.get();
    if (document == null) {
      document = PolicyDocument.from(convert(PARSED.computeIfAbsent(name, n -> JsonParser.parseString(policy.get().document())),
          at, Provenance.of("AWS managed policy " + name)));
      CACHE.put(key, new SoftReference<>(document));
    }
    return Optional.of(document);
  }

  /** A policy document given as JSON text, every element located at {@code at} (tests, examples). */
  static PolicyDocument parse(String json, Location at) {
    return PolicyDocument.from(convert(JsonParser.parseString(json), at, Provenance.LITERAL));
  }

  /** A document given as JSON text, every element located at {@code at}, as a value (tests). */
  static Value value(String json, Location at) {
    return convert(JsonParser.parseString(json), at, Provenance.LITERAL);
  }

  private static Value convert(JsonElement e, Location at, Provenance p) {
    if (e.isJsonObject()) {
      List<Value.MapV.Entry> entries = new ArrayList<>();
      for (Map.Entry<String, JsonElement> m : ((JsonObject) e).entrySet()) {
        entries.add(new Value.MapV.Entry(m.getKey(), at, convert(m.getValue(), at, p)));
      }
      return new Value.MapV(entries, at, p);
    }
    if (e.isJsonArray()) {
      List<Value> items = new ArrayList<>();
      for (JsonElement item : (JsonArray) e) items.add(convert(item, at, p));
      return new Value.ListV(items, at, p);
    }
    if (e.isJsonNull()) return new Value.Null(at, p);
    JsonPrimitive prim = e.getAsJsonPrimitive();
    if (prim.isBoolean()) return new Value.Bool(prim.getAsBoolean(), at, p);
    if (prim.isNumber()) return new Value.Num(new BigDecimal(prim.getAsString()), at, p);
    return new Value.Str(prim.getAsString(), at, p);
  }
}
