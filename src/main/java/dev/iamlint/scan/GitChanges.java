package dev.iamlint.scan;

import dev.iamlint.scan.ProjectScope.ChangedLines;
import dev.iamlint.scan.ProjectScope.LineRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files (and lines) changed between the merge base of a ref and the working tree, as a
 * pull-request check sees them: committed, staged, unstaged and untracked (not ignored) changes;
 * deleted files are gone and have nothing to report.
 *
 * <p>Only {@code git} itself runs, never through a shell, with the settings that could make it
 * run something else or reshape its output pinned: no file-system monitor hook, no external diff
 * or text conversion, fixed path prefixes, unquoted paths.
 */
public final class GitChanges {
  private GitChanges() {}

  /** A one-line reason why the changes could not be read. */
  public static final class Failure extends Exception {
    public Failure(String message) {
      super(message);
    }
  }

  /** The changed files (absolute) and, when asked for, their changed lines. */
  public record Changes(Path toplevel, List<Path> files, Optional<ChangedLines> lines) {}

  private static final long TIMEOUT_SECONDS = 120;
  /** Variables that point git at another repository, index or work tree than the one asked about. */
  private static final List<String> REPOSITORY_VARIABLES = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
      "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES",
      "GIT_DISCOVERY_ACROSS_FILESYSTEM");
  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");

  /**
   * The changes since the merge base of {@code ref} and HEAD, in the repository holding
   * {@code directory}; paths are placed under {@code directory}'s spelling of the repository
   * root (git reports the root through its symbolic links).
   */
  public static Changes since(Path directory, String ref, boolean withLines) throws Failure {
    return since(directory, ref, withLines, System.getenv());
  }

  /** As above, with git run in {@code environment} (less the variables naming another repository). */
  public static Changes since(Path directory, String ref, boolean withLines, Map<String, String> environment)
      throws Failure {
    Runner run = (dir, args, failure) -> GitChanges.run(dir, args, failure, environment);
    if (ref.isBlank() || ref.startsWith("-")) throw new Failure("--changed-since: '" + ref + "' is not a git revision");
    Path dir = directory.toAbsolutePath().normalize();
    String top = run.run(dir, List.of("rev-parse", "--show-toplevel"), "--changed-since needs a git repository: " + dir
        + " is not in one").strip();
    Path toplevel = spelledUnder(dir, Path.of(top));
    String base = run.run(toplevel, List.of("merge-base", ref, "HEAD"), "--changed-since: no merge base of '" + ref
        + "' and HEAD (an unknown ref, or a shallow clone: fetch the history, e.g. fetch-depth: 0)").strip();
    TreeSet<String> names = new TreeSet<>();
    names.addAll(zeroSeparated(run.run(toplevel, List.of("diff", "--name-only", "-z", "--no-renames", "--diff-filter=d",
        "--no-ext-diff", base, "--"), "git diff failed")));
    Set<String> tracked = new TreeSet<>(names);
    List<String> untracked = zeroSeparated(run.run(toplevel, List.of("ls-files", "--others", "--exclude-standard", "-z"),
        "git ls-files failed"));
    names.addAll(untracked);
    List<Path> files = names.stream().map(n -> toplevel.resolve(n).normalize()).toList();
    if (!withLines) return new Changes(toplevel, files, Optional.empty());
    // Renames are followed here: a file moved as it was has no changed line (its findings are
    // not new), one moved and edited has the lines that differ from its old self.
    String diff = run.run(toplevel, List.of("diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "-M",
        "--diff-filter=d", "--src-prefix=a/", "--dst-prefix=b/", base, "--"), "git diff failed");
    Map<Path, List<LineRange>> lines = new LinkedHashMap<>();
    // A tracked file whose diff has no hunk (its mode changed, it moved) changed no line; only a
    // file git does not track yet is new as a whole (it has no entry).
    for (String name : tracked) lines.put(toplevel.resolve(name).normalize(), new ArrayList<>());
    hunks(toplevel, diff).forEach((file, ranges) -> lines.computeIfAbsent(file, f -> new ArrayList<>()).addAll(ranges));
    return new Changes(toplevel, files, Optional.of(new ChangedLines(lines)));
  }

  /**
   * The new-side line ranges of a {@code -U0} diff, per file. A hunk that only deletes counts
   * the lines on either side of the deletion: what was removed changed the block around them.
   */
  static Map<Path, List<LineRange>> hunks(Path toplevel, String diff) {
    Map<Path, List<LineRange>> out = new LinkedHashMap<>();
    List<LineRange> current = null;
    for (String line : diff.split("\n", -1)) {
      if (line.startsWith("+++ ")) {
        Optional<String> name = newSideName(line.substring(4));
        current = name.isEmpty() ? null : out.computeIfAbsent(toplevel.resolve(name.get()).normalize(), k -> new ArrayList<>());
      } else if (line.startsWith("@@ ") && current != null) {
        Matcher m = HUNK.matcher(line);
        if (!m.find()) continue;
        int start = Integer.parseInt(m.group(1));
        int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        current.add(count == 0 ? new LineRange(Math.max(1, start), start + 1) : new LineRange(start, start + count - 1));
      }
    }
    return out;
  }

  /** {@code b/path}, possibly C-quoted; {@code /dev/null} for a deleted file. */
  private static Optional<String> newSideName(String text) {
    String name = text.startsWith("\"") ? unquote(text) : text;
    if (name.endsWith("\t")) name = name.substring(0, name.length() - 1);
    return name.startsWith("b/") ? Optional.of(name.substring(2)) : Optional.empty();
  }

  /** git's C-style quoting of unusual path names (octal bytes in UTF-8, backslash escapes). */
  static String unquote(String quoted) {
    String s = quoted.substring(1, quoted.lastIndexOf('"') > 0 ? quoted.lastIndexOf('"') : quoted.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
        continue;
      }
      char e = s.charAt(++i);
      if (e >= '0' && e <= '7' && i + 2 < s.length()) {
        bytes.write(Integer.parseInt(s.substring(i, i + 3), 8));
        i += 2;
      } else {
        bytes.write(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          case 'a' -> 7;
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'v' -> 11;
          default -> e;
        });
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static List<String> zeroSeparated(String out) {
    List<String> names = new ArrayList<>();
    for (String n : out.split("\0")) {
      if (!n.isEmpty()) names.add(n);
    }
    return names;
  }

  /** {@code real} as spelled from {@code dir}: the ancestor of {@code dir} that resolves to it. */
  private static Path spelledUnder(Path dir, Path real) {
    for (Path d = dir; d != null; d = d.getParent()) {
      try {
        if (d.toRealPath().equals(real.toRealPath())) return d;
      } catch (IOException e) {
        return real;
      }
    }
    return real;
  }

  /** One git command in a directory, its output, or the failure named. */
  private interface Runner {
    String run(Path dir, List<String> args, String failure) throws Failure;
  }

  private static String run(Path dir, List<String> args, String failure, Map<String, String> environment)
      throws Failure {
    List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotePath=false", "-c", "core.fsmonitor=false",
        "-C", dir.toString()));
    command.addAll(args);
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
      // A hook or a shell may have set these for another repository; -C must decide which one.
      builder.environment().clear();
      builder.environment().putAll(environment);
      builder.environment().keySet().removeAll(REPOSITORY_VARIABLES);
      process = builder.start();
    } catch (IOException e) {
      throw new Failure("--changed-since needs git, and it could not be run: " + e.getMessage());
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      byte[] out = readAll(process.getInputStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new Failure("git " + args.get(0) + " took longer than " + TIMEOUT_SECONDS + " s");
      }
      String stderr = new String(err.join(), StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0) {
        String first = stderr.lines().findFirst().orElse("");
        throw new Failure(failure + (first.isEmpty() ? "" : " (git: " + first + ")"));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw new Failure("git " + args.get(0) + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new Failure("interrupted while running git");
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
