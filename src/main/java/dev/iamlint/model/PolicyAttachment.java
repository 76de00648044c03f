package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Value;

/**
 * A managed policy attached to a principal. {@code policy} is the ARN (or a reference to a
 * customer managed policy); {@code location} is where the attachment is written.
 */
public record PolicyAttachment(ResourceRef resource, PrincipalLink principal, Value policy, Location location) {}
