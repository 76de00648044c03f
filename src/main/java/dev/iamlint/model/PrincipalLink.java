package dev.iamlint.model;

import dev.iamlint.value.Value;

/** How one element names a principal: by name, or by a reference to its declaration. */
public record PrincipalLink(PrincipalKind kind, Value target) {}
