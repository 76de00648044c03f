package dev.iamlint.model;

import dev.iamlint.value.Value;

import java.util.Optional;

/** An IAM user. {@code name} is unknown when the provider generates it; {@code tags} as written. */
public record User(ResourceRef resource, Value name, Optional<Value> tags) {
  public User(ResourceRef resource, Value name) {
    this(resource, name, Optional.empty());
  }
}
