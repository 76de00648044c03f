package dev.iamlint.model;

import dev.iamlint.value.Value;

/**
 * A place whose value is readable by more people than a secret should be: a stack or root module
 * output, a plain SSM parameter, a Lambda environment, instance user data. {@code value} is the
 * evaluated value written there; {@code description} names the place for messages.
 */
public record SecretSink(ResourceRef resource, Kind kind, String description, Value value) {
  public enum Kind { OUTPUT, SSM_PARAMETER, LAMBDA_ENVIRONMENT, USER_DATA }
}
