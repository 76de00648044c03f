package dev.iamlint.model;

import dev.iamlint.value.Value;

/** An IAM user. {@code name} is unknown when the provider generates it. */
public record User(ResourceRef resource, Value name) {}
