package dev.iamlint.source;

/**
 * A file iamlint should judge (a Terraform file by its name, or a template by its content) but
 * could not read: too large, not text, not a regular file, not readable. It is reported as a
 * syntax error (SYN001) at {@code location}, so that it is never skipped in silence.
 */
public record Unreadable(String file, String reason, Location location) {}
