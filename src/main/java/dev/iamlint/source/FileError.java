package dev.iamlint.source;

/** A file that could not be read at all (permissions, not text, too large). Not a syntax error. */
public record FileError(String file, String message) {}
