package dev.iamlint.model;

import dev.iamlint.value.Value;

/**
 * A permissions boundary set on a user or role ({@code principal} is that user's or role's
 * declaration): the managed policy named by {@code policy} caps what its identity policies grant.
 */
public record PermissionsBoundary(ResourceRef principal, Value policy) {}
