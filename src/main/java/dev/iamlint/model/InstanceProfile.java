package dev.iamlint.model;

import dev.iamlint.value.Value;
import java.util.List;

/** An instance profile and the roles it names ({@code roles} empty when none is given). */
public record InstanceProfile(ResourceRef resource, Value name, List<Value> roles) {
  public InstanceProfile {
    roles = List.copyOf(roles);
  }
}
