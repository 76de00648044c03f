package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Value;

/** One user in one group, from wherever the membership is declared. */
public record GroupMembership(ResourceRef resource, Value user, Value group, Location location) {}
