package dev.iamlint.model;

import dev.iamlint.value.Value;

/** A customer managed policy with its document. */
public record CustomerPolicy(ResourceRef resource, Value name, PolicyDocument document) {}
