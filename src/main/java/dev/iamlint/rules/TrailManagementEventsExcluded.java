package dev.iamlint.rules;

import dev.iamlint.model.Trail;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.source.Location;
import dev.iamlint.value.Value;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * CT005: a trail's selectors, taken together, do not record all management events (where every
 * IAM change is): no selector includes them, or together they keep only reads or only writes.
 * Basic and advanced selectors are judged the same way; unknown settings are not judged.
 */
public final class TrailManagementEventsExcluded implements Rule {

  private enum Kind { READ, WRITE }

  /** What a trail's selectors record together, and the setting to point at when that is not all. */
  private record Recorded(Set<Kind> kinds, Location culprit, String from) {}

  @Override
  public String id() {
    return "CT005";
  }

  @Override
  public void check(RuleContext ctx) {
    for (Trail t : ctx.model().trails()) {
      String what = "Trail " + t.resource().address();
      if (!t.eventSelectors().isEmpty()) {
        basic(t).filter(r -> r.kinds().size() < 2).ifPresent(r -> ctx.report(t.resource(), r.culprit(),
            "management-events", what + describe(r, "event selectors")));
      }
      if (!t.advancedEventSelectors().isEmpty()) {
        advanced(t).filter(r -> r.kinds().size() < 2).ifPresent(r -> ctx.report(t.resource(), r.culprit(),
            "advanced-selectors", what + describe(r, "advanced event selectors")));
      }
    }
  }

  private static String describe(Recorded r, String selectors) {
    if (r.kinds().isEmpty()) {
      return "'s " + selectors + " exclude management events" + r.from() + ": IAM changes would not be recorded";
    }
    return "'s " + selectors + " record only " + (r.kinds().contains(Kind.READ) ? "read-only" : "write-only")
        + " management events" + r.from() + ": record all of them";
  }

  /**
   * What the basic selectors record together; empty when a setting is unknown. A setting that
   * depends on a condition counts by its worst branch, which is the one reported.
   */
  private static Optional<Recorded> basic(Trail t) {
    Set<Kind> recorded = EnumSet.noneOf(Kind.class);
    Location culprit = t.eventSelectors().get(0).location();
    String from = "";
    boolean pointed = false;
    for (Trail.EventSelector s : t.eventSelectors()) {
      if (s.includeManagementEvents().isPresent()) {
        Value include = s.includeManagementEvents().get();
        Optional<Value> excluded = include.alternativeIs(false);
        if (excluded.isEmpty() && include.alternatives().stream().anyMatch(v -> v.asBoolean().isEmpty())) return Optional.empty();
        if (excluded.isPresent()) {
          if (!pointed) {
            culprit = excluded.get().location();
            from = excluded.get().provenance().suffix();
            pointed = true;
          }
          continue;
        }
      }
      Set<Kind> kinds = EnumSet.allOf(Kind.class);
      if (s.readWriteType().isPresent()) {
        Value type = s.readWriteType().get();
        Optional<Value> narrow = type.alternativeWhere(v -> v.asText().map(x -> kinds(x).size() < 2).orElse(false));
        if (narrow.isEmpty() && type.alternatives().stream().anyMatch(v -> v.asText().isEmpty())) return Optional.empty();
        if (narrow.isPresent()) {
          kinds = kinds(narrow.get().asText().orElseThrow());
          culprit = narrow.get().location();
          from = narrow.get().provenance().suffix();
          pointed = true;
        }
      }
      recorded.addAll(kinds);
    }
    return Optional.of(new Recorded(recorded, culprit, from));
  }

  /** Advanced selectors: those of the Management category, narrowed by their readOnly field. */
  private static Optional<Recorded> advanced(Trail t) {
    Set<Kind> recorded = EnumSet.noneOf(Kind.class);
    for (Trail.AdvancedEventSelector s : t.advancedEventSelectors()) {
      boolean known = s.fields().stream().allMatch(f -> f.field().isKnown() && f.equals().stream().allMatch(Value::isKnown));
      if (!known) return Optional.empty();
      boolean management = s.fields().stream().anyMatch(f -> is(f.field(), "eventCategory")
          && f.equals().stream().anyMatch(v -> is(v, "Management")));
      if (!management) continue;
      Optional<Trail.FieldSelector> readOnly = s.fields().stream().filter(f -> is(f.field(), "readOnly")).findFirst();
      if (readOnly.isEmpty() || readOnly.get().equals().isEmpty()) {
        recorded.addAll(EnumSet.allOf(Kind.class));
      } else {
        for (Value v : readOnly.get().equals()) recorded.add(v.asBoolean().orElse(false) ? Kind.READ : Kind.WRITE);
      }
    }
    return Optional.of(new Recorded(recorded, t.advancedEventSelectors().get(0).location(), ""));
  }

  private static Set<Kind> kinds(String readWriteType) {
    if (readWriteType.equalsIgnoreCase("ReadOnly")) return EnumSet.of(Kind.READ);
    if (readWriteType.equalsIgnoreCase("WriteOnly")) return EnumSet.of(Kind.WRITE);
    return EnumSet.allOf(Kind.class);
  }

  private static boolean is(Value v, String text) {
    return v.asText().map(text::equals).orElse(false);
  }
}
