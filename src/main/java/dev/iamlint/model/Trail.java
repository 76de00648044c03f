package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Optional;

/** A CloudTrail trail; each setting is absent when not written (the provider default applies). */
public record Trail(ResourceRef resource, Optional<Value> logging, Optional<Value> multiRegion,
    Optional<Value> globalServiceEvents, Optional<Value> logFileValidation, Optional<Value> kmsKey,
    Optional<Value> cloudWatchLogGroup, Optional<Value> cloudWatchRole,
    List<EventSelector> eventSelectors, List<AdvancedEventSelector> advancedEventSelectors) {

  public Trail {
    eventSelectors = List.copyOf(eventSelectors);
    advancedEventSelectors = List.copyOf(advancedEventSelectors);
  }

  public record EventSelector(Location location, Optional<Value> includeManagementEvents,
      Optional<Value> readWriteType) {}

  public record AdvancedEventSelector(Location location, Optional<Value> name, List<FieldSelector> fields) {
    public AdvancedEventSelector {
      fields = List.copyOf(fields);
    }
  }

  /** One field condition of an advanced selector; {@code equals} lists its Equals values. */
  public record FieldSelector(Value field, List<Value> equals, Location location) {
    public FieldSelector {
      equals = List.copyOf(equals);
    }
  }
}
