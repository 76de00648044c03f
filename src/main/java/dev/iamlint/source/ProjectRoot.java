package dev.iamlint.source;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The project a scan is judged against: the nearest directory, at or above the scanned paths,
 * that holds {@code .git} (a directory, or the file of a worktree or submodule) or
 * {@code .iamlint.yaml}. Pre-commit passes a few changed files and an editor one: their
 * findings depend on what the rest of the project declares (the trail in another folder, the
 * group membership in another file), so the whole project is read and only the scanned paths
 * are reported.
 *
 * <p>Paths are taken as written (absolute, normalized), not through their symbolic links: the
 * project is where the user placed the files, and discovery never follows a link out of it.
 */
public final class ProjectRoot {
  private ProjectRoot() {}

  /** What marks a project root, nearest first when several directories have one. */
  public static final List<String> MARKERS = List.of(".git", ".iamlint.yaml");

  /**
   * The project root of {@code paths} (absolute): the nearest marked directory at or above the
   * deepest directory that holds them all; empty when there is none up to the file-system root.
   */
  public static Optional<Path> find(List<Path> paths) {
    Optional<Path> start = commonDirectory(paths);
    for (Path dir = start.orElse(null); dir != null; dir = dir.getParent()) {
      for (String marker : MARKERS) {
        if (Files.exists(dir.resolve(marker), LinkOption.NOFOLLOW_LINKS)) return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** The deepest directory holding every path (a file counts by its directory). */
  public static Optional<Path> commonDirectory(List<Path> paths) {
    Path common = null;
    for (Path p : paths) {
      Path abs = p.toAbsolutePath().normalize();
      Path dir = Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS) ? abs : abs.getParent();
      if (dir == null) continue;
      if (common == null) {
        common = dir;
      } else {
        while (common != null && !dir.startsWith(common)) common = common.getParent();
      }
    }
    return Optional.ofNullable(common);
  }

  /** Whether {@code path} (absolute) lies in the project: at or below its root, as written. */
  public static boolean contains(Path root, Path path) {
    return path.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize());
  }

  /** Whether the project is all that is asked for: a scanned path is the root or above it. */
  public static boolean coveredBy(Path root, List<Path> paths) {
    Path r = root.toAbsolutePath().normalize();
    return paths.stream().map(p -> p.toAbsolutePath().normalize()).anyMatch(r::startsWith);
  }
}
