package dev.iamlint.model;

import dev.iamlint.value.Value;

public record Group(ResourceRef resource, Value name) {}
