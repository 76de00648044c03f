package dev.iamlint.rules;

import dev.iamlint.model.Trail;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * CT005: event selectors that drop management events (where every IAM change is), or keep only
 * read or only write events; advanced selectors of which none selects the Management category.
 */
public final class TrailManagementEventsExcluded implements Rule {

  @Override
  public String id() {
    return "CT005";
  }

  @Override
  public void check(RuleContext ctx) {
    for (Trail t : ctx.model().trails()) {
      String what = "Trail " + t.resource().address();
      for (Trail.EventSelector s : t.eventSelectors()) {
        Optional<Value> excluded = s.includeManagementEvents().flatMap(v -> v.alternativeIs(false));
        if (excluded.isPresent()) {
          ctx.report(t.resource(), excluded.get().location(), "management-events",
              what + " has an event selector that excludes management events" + excluded.get().provenance().suffix()
                  + ": IAM changes would not be recorded");
          continue;
        }
        s.readWriteType().flatMap(v -> v.alternativeWhere(a -> a.asText()
                .map(x -> x.equalsIgnoreCase("ReadOnly") || x.equalsIgnoreCase("WriteOnly")).orElse(false)))
            .ifPresent(v -> ctx.report(t.resource(), v.location(), "read-write-type",
                what + " records only " + v.display() + " events" + v.provenance().suffix()
                    + ": record All management events"));
      }
      if (!t.advancedEventSelectors().isEmpty() && t.advancedEventSelectors().stream().noneMatch(this::selectsManagement)
          && t.advancedEventSelectors().stream().allMatch(this::fullyKnown)) {
        Trail.AdvancedEventSelector first = t.advancedEventSelectors().get(0);
        ctx.report(t.resource(), first.location(), "advanced-selectors",
            what + " has advanced event selectors, none of which selects the Management event category: "
                + "IAM changes would not be recorded");
      }
    }
  }

  private boolean selectsManagement(Trail.AdvancedEventSelector s) {
    return s.fields().stream().anyMatch(f -> f.field().asText().map(x -> x.equals("eventCategory")).orElse(false)
        && f.equals().stream().anyMatch(v -> v.asText().map(x -> x.equals("Management")).orElse(false)));
  }

  private boolean fullyKnown(Trail.AdvancedEventSelector s) {
    return s.fields().stream().allMatch(f -> f.field().isKnown() && f.equals().stream().allMatch(Value::isKnown));
  }
}
