package dev.iamlint.model;

import dev.iamlint.source.Location;

/**
 * A part of a deployment whose contents iamlint could not read: a module call whose source is
 * not installed or not known, a nested stack whose template is not in the scan, a macro that
 * rewrites the template. It may define anything, so what a project-level rule finds missing
 * (a trail, a password policy) may be there: the absence is not certain. {@code what} names it
 * and why it was not read ("module.trail: source \"cloudposse/cloudtrail/aws\" is not installed").
 */
public record UnreadPart(String what, Location location) {}
