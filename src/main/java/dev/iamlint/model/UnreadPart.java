package dev.iamlint.model;

import dev.iamlint.source.Location;

/**
 * A part of a deployment whose contents iamlint could not read: a module call whose source is
 * not installed or not known, a nested stack whose template is not in the scan, a macro that
 * rewrites the template. It may define anything, so what a project-level rule finds missing
 * (a trail, a password policy) may be there: the absence is not certain. {@code what} names it
 * and why it was not read ("module.trail: source \"cloudposse/cloudtrail/aws\" is not installed").
 * {@code call}: a module call or nested stack, which reaches an element of its deployment only
 * through the values it is handed (an {@link UnreadCall}); a loop or a macro may name any.
 */
public record UnreadPart(String what, Location location, boolean call) {
  /** A part that may name any element of its deployment (a loop, a macro). */
  public UnreadPart(String what, Location location) {
    this(what, location, false);
  }
}
