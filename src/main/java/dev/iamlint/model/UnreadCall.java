package dev.iamlint.model;

import dev.iamlint.value.Value;

/**
 * A module call whose source is not in the scan (not installed, not known), with the arguments
 * it is handed: what it does to a principal it is handed (puts a user in a group, attaches a
 * policy to a group) is not known, so that principal's memberships and policies are not
 * complete. {@code arguments} maps each argument to its value.
 */
public record UnreadCall(ResourceRef resource, Value arguments) {}
