package dev.iamlint.model;

import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * An IAM role. {@code implicit} marks a role the deploying tool creates on its own (the
 * execution role of a SAM function without {@code Role}); its resource is the function.
 */
public record Role(ResourceRef resource, Value name, Optional<PolicyDocument> trustPolicy, boolean implicit) {}
