package dev.iamlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Run by the build (pom.xml, process-classes): records the git commit the jar is built from as
 * {@code dev/iamlint/build.properties}, which {@code --version} prints. The commit is
 * {@code -Diamlint.commit=...} when the build is given one (a container build has no .git), else
 * what git says about the source directory; "unknown" when git or the repository is absent, so a
 * build never fails for want of git. "-modified" marks a build with uncommitted changes to tracked
 * files.
 */
public final class BuildStamp {
  static final String RESOURCE = "dev/iamlint/build.properties";

  private BuildStamp() {}

  /** Arguments: the source directory, the classes directory, and {@code commit=VALUE} (may be empty). */
  public static void main(String[] args) throws IOException {
    Path basedir = Path.of(args[0]);
    Path classes = Path.of(args[1]);
    String given = args.length > 2 && args[2].startsWith("commit=") ? args[2].substring("commit=".length()).trim() : "";
    String commit = !given.isEmpty() && !given.startsWith("${") ? given : fromGit(basedir).orElse("unknown");
    Path target = classes.resolve(RESOURCE);
    Files.createDirectories(target.getParent());
    String text = "# Written by the build (dev.iamlint.cli.BuildStamp).\ncommit=" + commit + "\n";
    // Unchanged content keeps its timestamp: the jar is not repackaged for nothing.
    if (!Files.exists(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
      Files.writeString(target, text, StandardCharsets.UTF_8);
    }
  }

  private static Optional<String> fromGit(Path dir) {
    Optional<String> head = git(dir, "rev-parse", "--verify", "HEAD");
    if (head.isEmpty() || !head.get().matches("[0-9a-f]{40,64}")) return Optional.empty();
    // Exit status 1: tracked files differ from HEAD.
    boolean modified = git(dir, "diff", "--quiet", "HEAD", "--").isEmpty();
    return Optional.of(head.get() + (modified ? "-modified" : ""));
  }

  /** The command's first output line, or empty when it fails or cannot run. */
  private static Optional<String> git(Path dir, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(out.lines().findFirst().orElse("")) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
