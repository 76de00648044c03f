package dev.iamlint.terraform.functions;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads files for {@code file()}, {@code templatefile()} and {@code fileexists()}, confined to
 * the scan root: a path that leads outside it (through {@code ..} or a symbolic link) is never
 * read.
 */
public interface FileAccess {
  /** The text of {@code path} (relative to the module directory), if it exists inside the scan root. */
  Optional<String> read(String path);

  boolean exists(String path);

  /** How reports name the file {@code path} designates, when it can be read. */
  default Optional<String> display(String path) {
    return Optional.empty();
  }

  /** The directory relative paths are resolved against: the root module's, where Terraform runs. */
  Path moduleDirectory();

  FileAccess NONE = new FileAccess() {
    @Override
    public Optional<String> read(String path) {
      return Optional.empty();
    }

    @Override
    public boolean exists(String path) {
      return false;
    }

    @Override
    public Path moduleDirectory() {
      return Path.of(".");
    }
  };
}
