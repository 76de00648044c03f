package dev.iamlint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lines of a file a finding is in, for reports that show source (html). The names are the
 * findings' own paths (relative to the working directory, or absolute): files the scan read.
 */
final class SourceLines implements Function<String, Optional<List<String>>> {
  static final SourceLines CURRENT_DIRECTORY = new SourceLines();
  private static final long MAX_BYTES = 8L * 1024 * 1024;

  @Override
  public Optional<List<String>> apply(String file) {
    try {
      Path p = Path.of(file);
      if (!Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) return Optional.empty();
      return Optional.of(List.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).split("\r?\n", -1)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
