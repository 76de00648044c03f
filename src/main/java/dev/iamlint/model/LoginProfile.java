package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * Console access of a user. {@code location} is the login profile itself (a property or a
 * resource); {@code password} is the initial password when one is written.
 * {@code generatedLength} is the length of a password the provider generates (Terraform).
 */
public record LoginProfile(ResourceRef resource, Value user, Location location, Optional<Value> password,
    SecretExposure passwordExposure, Optional<Value> passwordResetRequired, Optional<Value> generatedLength) {

  public LoginProfile(ResourceRef resource, Value user, Location location, Optional<Value> password,
      SecretExposure passwordExposure, Optional<Value> passwordResetRequired) {
    this(resource, user, location, password, passwordExposure, passwordResetRequired, Optional.empty());
  }
}
