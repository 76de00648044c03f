package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamlint.scan.ProjectScope.LineRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files and lines changed since the merge base of a ref, as --changed-since reads them from git. */
class GitChangesTest {

  static final Path TOP = Path.of("/repo");

  static Stream<Arguments> hunks() {
    return Stream.of(
        Arguments.of("one changed line", "+++ b/a.yaml\n@@ -3 +3 @@\n-x\n+y\n", "a.yaml", List.of(new LineRange(3, 3))),
        Arguments.of("lines added", "+++ b/a.yaml\n@@ -3,0 +4,3 @@\n+x\n+y\n+z\n", "a.yaml", List.of(new LineRange(4, 6))),
        Arguments.of("a deletion touches the lines around it", "+++ b/a.yaml\n@@ -5,2 +4,0 @@\n-x\n-y\n", "a.yaml",
            List.of(new LineRange(4, 5))),
        Arguments.of("a deletion at the top", "+++ b/a.yaml\n@@ -1 +0,0 @@\n-x\n", "a.yaml", List.of(new LineRange(1, 1))),
        Arguments.of("several hunks", "+++ b/a.yaml\n@@ -1 +1 @@\n-x\n+y\n@@ -9 +9,2 @@ Resources:\n-x\n+y\n+z\n", "a.yaml",
            List.of(new LineRange(1, 1), new LineRange(9, 10))),
        Arguments.of("a quoted path", "+++ \"b/dir/\\303\\251t\\303\\251 \\\"q\\\".yaml\"\n@@ -1 +1 @@\n", "dir/été \"q\".yaml",
            List.of(new LineRange(1, 1))),
        Arguments.of("a path with spaces", "+++ b/my stack/a.yaml\t\n@@ -2 +2 @@\n", "my stack/a.yaml",
            List.of(new LineRange(2, 2))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hunks")
  void readsTheNewSideOfEachHunk(String why, String diff, String file, List<LineRange> expected) {
    assertEquals(Map.of(TOP.resolve(file), expected), GitChanges.hunks(TOP, "diff --git x y\n--- a/x\n" + diff), why);
  }

  @Test
  void aDeletedFileHasNoLines() {
    assertEquals(Map.of(), GitChanges.hunks(TOP, "--- a/gone.yaml\n+++ /dev/null\n@@ -1,3 +0,0 @@\n-a\n-b\n-c\n"));
  }

  @Test
  void refusesARefThatLooksLikeAnOption(@TempDir Path dir) {
    GitChanges.Failure f = assertThrows(GitChanges.Failure.class, () -> GitChanges.since(dir, "--output=/tmp/x", false));
    assertTrue(f.getMessage().contains("not a git revision"), f.getMessage());
  }

  @Test
  void outsideARepositoryItIsAOneLineError(@TempDir Path dir) {
    assumeTrue(gitAvailable());
    GitChanges.Failure f = assertThrows(GitChanges.Failure.class, () -> GitChanges.since(dir, "HEAD", false));
    assertTrue(f.getMessage().startsWith("--changed-since needs a git repository"), f.getMessage());
    assertEquals(1, f.getMessage().lines().count());
  }

  @Test
  void committedStagedUnstagedAndUntrackedChangesCountDeletedFilesDoNot(@TempDir Path repo) throws Exception {
    assumeTrue(gitAvailable());
    git(repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("base.yaml"), "a: 1\nb: 2\nc: 3\n");
    Files.writeString(repo.resolve("gone.yaml"), "x: 1\n");
    Files.writeString(repo.resolve("same.yaml"), "x: 1\n");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "base");
    git(repo, "checkout", "-q", "-b", "topic");
    Files.writeString(repo.resolve("committed.yaml"), "x: 1\n");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "topic");
    Files.writeString(repo.resolve("base.yaml"), "a: 1\nb: changed\nc: 3\n");
    Files.createDirectories(repo.resolve("new dir"));
    Files.writeString(repo.resolve("new dir/untracked.yaml"), "x: 1\n");
    Files.delete(repo.resolve("gone.yaml"));
    GitChanges.Changes changes = GitChanges.since(repo, "main", true);
    Path top = repo.toRealPath();
    assertEquals(List.of(top.resolve("base.yaml"), top.resolve("committed.yaml"), top.resolve("new dir/untracked.yaml")),
        changes.files().stream().map(p -> p.toAbsolutePath()).map(PathsHelper::real).toList());
    assertEquals(List.of(new LineRange(2, 2)), changes.lines().orElseThrow().ranges().get(changes.toplevel().resolve("base.yaml")));
    assertEquals(null, changes.lines().orElseThrow().ranges().get(changes.toplevel().resolve("new dir/untracked.yaml")),
        "an untracked file has no ranges: all of it is new");
  }

  // A file moved as it was, or whose mode changed, has no changed line: its findings are not new.
  @Test
  void aMoveOrAModeChangeChangesNoLine(@TempDir Path repo) throws Exception {
    assumeTrue(gitAvailable());
    git(repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("moved.yaml"), "a: 1\nb: 2\n");
    Files.writeString(repo.resolve("mode.yaml"), "a: 1\n");
    Files.writeString(repo.resolve("edited.yaml"), "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "base");
    git(repo, "mv", "moved.yaml", "here.yaml");
    git(repo, "mv", "edited.yaml", "edited-here.yaml");
    Files.writeString(repo.resolve("edited-here.yaml"), "a: 1\nb: 2\nc: 30\nd: 4\ne: 5\n");
    assumeTrue(repo.resolve("mode.yaml").toFile().setExecutable(true), "no file modes here");
    GitChanges.Changes changes = GitChanges.since(repo, "HEAD", true);
    Map<Path, List<LineRange>> ranges = changes.lines().orElseThrow().ranges();
    assertEquals(List.of(), ranges.get(changes.toplevel().resolve("here.yaml")), ranges.toString());
    assertEquals(List.of(), ranges.get(changes.toplevel().resolve("mode.yaml")), ranges.toString());
    assertEquals(List.of(new LineRange(3, 3)), ranges.get(changes.toplevel().resolve("edited-here.yaml")), ranges.toString());
  }

  // A hook or a shell may export GIT_DIR for another repository: the one holding the directory
  // asked about must still be the one read.
  @Test
  void aRepositoryNamedInTheEnvironmentIsNotTheOneRead(@TempDir Path dir) throws Exception {
    assumeTrue(gitAvailable());
    Path asked = Files.createDirectories(dir.resolve("asked"));
    Path other = Files.createDirectories(dir.resolve("other"));
    for (Path repo : List.of(asked, other)) {
      git(repo, "init", "-q", "-b", "main");
      Files.writeString(repo.resolve("a.yaml"), "a: 1\n");
      git(repo, "add", "-A");
      git(repo, "commit", "-q", "-m", "base");
    }
    Files.writeString(other.resolve("a.yaml"), "a: 2\n");
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("GIT_DIR", other.resolve(".git").toString());
    environment.put("GIT_WORK_TREE", other.toString());
    assertEquals(List.of(), GitChanges.since(asked, "HEAD", false, environment).files());
  }

  static final class PathsHelper {
    static Path real(Path p) {
      try {
        return p.toRealPath();
      } catch (IOException e) {
        return p;
      }
    }
  }

  static boolean gitAvailable() {
    try {
      return new ProcessBuilder("git", "--version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static void git(Path repo, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.email=t@example.com",
        "-c", "user.name=t", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), "git " + String.join(" ", args) + ": " + out);
  }
}
