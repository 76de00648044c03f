package dev.iamlint.scan;

import dev.iamlint.source.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A scan of part of a project: the whole project under {@code root} is read and modelled, and
 * only findings located in {@code paths} (files, or directories and what lies below them) are
 * reported; with {@code lines}, only those whose location meets a changed line of its file.
 * A finding of the project as a whole (CT001, PWD001) is reported when a scanned file holds the
 * place it is located at. So a partial scan reports exactly the findings of a full scan of the
 * project that lie in its paths.
 */
public record ProjectScope(Path root, List<Path> paths, Optional<ChangedLines> lines) {

  public ProjectScope {
    root = root.toAbsolutePath().normalize();
    paths = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  public static ProjectScope of(Path root, List<Path> paths) {
    return new ProjectScope(root, paths, Optional.empty());
  }

  /** Whether {@code file} (absolute) is one of the paths or lies below one. */
  public boolean covers(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return paths.stream().anyMatch(abs::startsWith);
  }

  /** Whether a finding at {@code at} is reported; {@code absolute} is its file's absolute path. */
  boolean reports(Path absolute, Location at) {
    if (!covers(absolute)) return false;
    return lines.map(l -> l.meets(absolute, at.startLine(), at.endLine())).orElse(true);
  }

  /** The changed lines of each changed file; a file without an entry changed as a whole (a new file). */
  public record ChangedLines(Map<Path, List<LineRange>> ranges) {
    public ChangedLines {
      ranges = ranges.entrySet().stream().collect(Collectors.toUnmodifiableMap(
          e -> e.getKey().toAbsolutePath().normalize(), e -> List.copyOf(e.getValue())));
    }

    boolean meets(Path file, int startLine, int endLine) {
      List<LineRange> changed = ranges.get(file.toAbsolutePath().normalize());
      if (changed == null) return true;
      return changed.stream().anyMatch(r -> r.first() <= Math.max(startLine, endLine) && startLine <= r.last());
    }
  }

  /** Lines {@code first..last} of a file, 1-based, inclusive. */
  public record LineRange(int first, int last) {}
}
