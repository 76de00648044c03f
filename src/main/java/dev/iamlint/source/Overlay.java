package dev.iamlint.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Texts that stand in for the files on disk: an editor's unsaved buffers. Every read of a file
 * goes through {@link SourceReader}, which takes the overlay's text in place of the disk's, so a
 * scan judges the open buffers with the rest of the project as it is on disk (the other files of
 * a module, the config, variable files). An overlaid file must exist on disk: discovery finds
 * files by walking the directories, and what it walks is the disk.
 *
 * <p>Paths are kept both as given (absolute, normalized) and as real paths, since readers look a
 * file up by its real path (symbolic links resolved) and editors name it as the user opened it.
 */
public final class Overlay {
  /** No buffer: every file is read from disk. */
  public static final Overlay NONE = new Overlay(Map.of());

  private final Map<Path, String> texts;

  private Overlay(Map<Path, String> texts) {
    this.texts = texts;
  }

  /** The overlay of {@code buffers}: each file's text by its path. */
  public static Overlay of(Map<Path, String> buffers) {
    if (buffers.isEmpty()) return NONE;
    Map<Path, String> texts = new HashMap<>();
    for (Map.Entry<Path, String> e : buffers.entrySet()) {
      Path given = e.getKey().toAbsolutePath().normalize();
      texts.put(given, e.getValue());
      try {
        texts.put(given.toRealPath(), e.getValue());
      } catch (IOException notOnDisk) {
        // Known by its given path only.
      }
    }
    return new Overlay(Map.copyOf(texts));
  }

  /** The text that stands for {@code file} (an absolute or real path), when there is one. */
  public Optional<String> text(Path file) {
    return texts.isEmpty() ? Optional.empty() : Optional.ofNullable(texts.get(file.toAbsolutePath().normalize()));
  }

  /** Whether a buffer stands for a file directly in {@code directory} (an absolute path). */
  public boolean holdsFileIn(Path directory) {
    if (texts.isEmpty()) return false;
    Path dir = directory.toAbsolutePath().normalize();
    return texts.keySet().stream().anyMatch(p -> dir.equals(p.getParent()));
  }

  /** The texts of the buffers. */
  public Collection<String> texts() {
    return texts.values();
  }

  public boolean isEmpty() {
    return texts.isEmpty();
  }
}
