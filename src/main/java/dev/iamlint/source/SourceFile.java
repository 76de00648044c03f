package dev.iamlint.source;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A file chosen for scanning. {@code displayPath} is what every report prints: relative to the
 * working directory when the file lies under it, else absolute; always '/'-separated.
 * {@code root} is the scan root it was found under: nothing outside it is ever read for it.
 *
 * <p>Its text is read by discovery, or, for a Terraform file that only gives context to a partial
 * scan, deferred: the Terraform loader reads such a file itself when it needs the text (most
 * often never, when the cache knows the file's digest and its module's results).
 */
public final class SourceFile {
  private final Path path;
  private final String displayPath;
  private final FileKind kind;
  private final Path root;
  private Supplier<SourceReader.Outcome> reading;
  private String text;

  public SourceFile(Path path, String displayPath, FileKind kind, Path root, String text) {
    this.path = path;
    this.displayPath = displayPath;
    this.kind = kind;
    this.root = root;
    this.text = Objects.requireNonNull(text);
  }

  private SourceFile(Path path, String displayPath, FileKind kind, Path root, Supplier<SourceReader.Outcome> reading) {
    this.path = path;
    this.displayPath = displayPath;
    this.kind = kind;
    this.root = root;
    this.reading = reading;
  }

  /** A file discovery did not read: {@code reading} reads it when its text is first asked for. */
  static SourceFile deferred(Path path, String displayPath, FileKind kind, Path root, Supplier<SourceReader.Outcome> reading) {
    return new SourceFile(path, displayPath, kind, root, reading);
  }

  public Path path() {
    return path;
  }

  public String displayPath() {
    return displayPath;
  }

  public FileKind kind() {
    return kind;
  }

  public Path root() {
    return root;
  }

  /**
   * The text; a deferred file is read now. A deferred file that can no longer be read reads as
   * empty: its reader (the Terraform loader) reads it itself and reports why.
   */
  public synchronized String text() {
    if (text == null) {
      text = reading.get() instanceof SourceReader.Text t ? t.text() : "";
      reading = null;
    }
    return text;
  }

  /** The text when discovery read it (or it was read since); empty for a deferred file not read yet. */
  public synchronized Optional<String> readText() {
    return Optional.ofNullable(text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceFile f && path.equals(f.path) && displayPath.equals(f.displayPath) && kind == f.kind
        && root.equals(f.root) && text().equals(f.text());
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, displayPath, kind, root);
  }

  @Override
  public String toString() {
    return "SourceFile[" + displayPath + ", " + kind + "]";
  }
}
