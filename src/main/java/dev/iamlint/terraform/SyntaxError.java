package dev.iamlint.terraform;

import dev.iamlint.source.Location;

/** A Terraform file that could not be parsed; the rest of its module is still evaluated. */
public record SyntaxError(String file, String message, Location location) {}
