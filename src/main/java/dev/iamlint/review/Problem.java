package dev.iamlint.review;

import dev.iamlint.source.Location;

/**
 * An export that could not be read, or part of one: where, and why. A {@code fatal} problem is a
 * mistake in the command (a decoded credential report without {@code --as-of}): the review stops
 * with a one-line error. The others are located findings, and the other files are still reviewed.
 */
public record Problem(String message, Location location, boolean fatal) {
  static Problem at(Location location, String message) {
    return new Problem(message, location, false);
  }
}
