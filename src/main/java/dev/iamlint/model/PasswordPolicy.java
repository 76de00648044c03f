package dev.iamlint.model;

import dev.iamlint.value.Value;
import java.util.Optional;

/** The account password policy; each setting is absent when not written (the AWS default applies). */
public record PasswordPolicy(ResourceRef resource, Optional<Value> minimumLength, Optional<Value> requireUppercase,
    Optional<Value> requireLowercase, Optional<Value> requireNumbers, Optional<Value> requireSymbols,
    Optional<Value> maxAge, Optional<Value> reusePrevention, Optional<Value> allowUsersToChange) {}
