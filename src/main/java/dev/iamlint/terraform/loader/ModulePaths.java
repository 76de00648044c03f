package dev.iamlint.terraform.loader;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Paths a configuration names (a module call's source, a file() argument), resolved as Terraform resolves them. */
public final class ModulePaths {
  private ModulePaths() {}

  /**
   * {@code path} (a module source, a file() argument) resolved against {@code dir}; empty when no
   * file can have that name (a NUL character written as \u0000): then there is nothing to read.
   */
  public static Optional<Path> under(Path dir, String path) {
    try {
      return Optional.of(dir.resolve(path).normalize());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
