package dev.iamlint.config;

import dev.iamlint.source.Location;
import java.util.List;
import java.util.Optional;

/**
 * A config {@code ignore:} entry: the rules (ids or slugs) it hides, optionally only in files
 * matching {@code path} and on resources matching {@code resource} (globs), with its reason and
 * end date. {@code at} is the entry in the config file, where SUP001 reports a stale one.
 */
public record Ignore(List<String> rules, Optional<String> path, Optional<String> resource, Optional<String> reason,
    Optional<String> until, Location at) {
  public Ignore {
    rules = List.copyOf(rules);
  }
}
