package dev.iamlint.source;

import java.nio.file.Path;

/**
 * A file chosen for scanning. {@code displayPath} is what every report prints: relative to the
 * working directory when the file lies under it, else absolute; always '/'-separated.
 * {@code root} is the scan root it was found under: nothing outside it is ever read for it.
 */
public record SourceFile(Path path, String displayPath, FileKind kind, Path root, String text) {}
