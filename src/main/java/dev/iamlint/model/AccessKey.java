package dev.iamlint.model;

import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * An access key of an IAM user; {@code status} is absent when not written (Active).
 * {@code secret} says where the secret ends up when the format stores it (Terraform state).
 */
public record AccessKey(ResourceRef resource, Value user, Optional<Value> status, Optional<SecretExposure> secret) {

  public AccessKey(ResourceRef resource, Value user, Optional<Value> status) {
    this(resource, user, status, Optional.empty());
  }

  /** Certainly inactive: a known status other than Active. An unknown status may be active. */
  public boolean certainlyInactive() {
    return status.flatMap(Value::asText).map(s -> !s.equalsIgnoreCase("Active")).orElse(false);
  }

  /** The status value that makes the key active in some branch, or empty for a missing status (Active). */
  public Optional<Optional<Value>> activeBranch() {
    if (status.isEmpty()) return Optional.of(Optional.empty());
    return status.get().alternativeWhere(s -> s.asText().map(t -> t.equalsIgnoreCase("Active")).orElse(false)
        || s instanceof Value.Null).map(Optional::of);
  }

  /** Active whatever the conditions: missing, or Active in every branch. */
  public boolean certainlyActive() {
    return status.isEmpty() || status.get().alternatives().stream()
        .allMatch(s -> s.asText().map(t -> t.equalsIgnoreCase("Active")).orElse(false) || s instanceof Value.Null);
  }
}
