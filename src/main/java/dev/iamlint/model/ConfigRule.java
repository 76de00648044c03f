package dev.iamlint.model;

import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * An AWS Config rule: {@code identifier} is the managed rule's source identifier
 * ({@code ACCESS_KEYS_ROTATED}); {@code parameters} its input parameters as a map, when known.
 */
public record ConfigRule(ResourceRef resource, Value identifier, Optional<Value> parameters) {}
