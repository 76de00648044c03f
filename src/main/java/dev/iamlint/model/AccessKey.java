package dev.iamlint.model;

import dev.iamlint.value.Value;
import java.util.Optional;

/** An access key of an IAM user; {@code status} is absent when not written (Active). */
public record AccessKey(ResourceRef resource, Value user, Optional<Value> status) {

  /** Certainly inactive: a known status other than Active. An unknown status may be active. */
  public boolean certainlyInactive() {
    return status.flatMap(Value::asText).map(s -> !s.equalsIgnoreCase("Active")).orElse(false);
  }

  public boolean certainlyActive() {
    return status.isEmpty() || status.get().asText().map(s -> s.equalsIgnoreCase("Active")).orElse(false);
  }
}
