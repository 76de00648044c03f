package dev.iamlint.rule;

import dev.iamlint.source.Location;

/** A secondary location that explains a finding ("user defined here"). */
public record Related(String message, Location location) {}
