package dev.iamlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where a scan's project is: the nearest .git or .iamlint.yaml at or above the scanned paths. */
class ProjectRootTest {

  @TempDir
  static Path tree;

  /**
   * The tree: outer/.git; outer/inner/.git (a nested repository); outer/wt/.git as a file (a
   * worktree or submodule); outer/sub/.iamlint.yaml (a config below the git root); alone/ with
   * no marker up to the temporary directory (which has none either).
   */
  static void build() throws IOException {
    if (Files.exists(tree.resolve("outer"))) return;
    for (String dir : List.of("outer/.git", "outer/inner/.git", "outer/inner/stack", "outer/wt", "outer/sub/deep",
        "outer/iam", "alone/x")) {
      Files.createDirectories(tree.resolve(dir));
    }
    Files.writeString(tree.resolve("outer/wt/.git"), "gitdir: ../.git/worktrees/wt\n");
    Files.writeString(tree.resolve("outer/sub/.iamlint.yaml"), "# config below the git root\n");
    for (String file : List.of("outer/iam/roles.yaml", "outer/inner/stack/a.yaml", "outer/wt/main.tf",
        "outer/sub/deep/b.yaml", "alone/x/c.yaml", "outer/top.yaml")) {
      Files.writeString(tree.resolve(file), "x: 1\n");
    }
  }

  static Stream<Arguments> roots() {
    return Stream.of(
        Arguments.of("a file in a repository", List.of("outer/iam/roles.yaml"), "outer"),
        Arguments.of("a directory in a repository", List.of("outer/iam"), "outer"),
        Arguments.of("the repository itself", List.of("outer"), "outer"),
        Arguments.of("a nested repository is its own project", List.of("outer/inner/stack/a.yaml"), "outer/inner"),
        Arguments.of(".git as a file (worktree, submodule) marks a root", List.of("outer/wt/main.tf"), "outer/wt"),
        Arguments.of("a config below the git root marks a root", List.of("outer/sub/deep/b.yaml"), "outer/sub"),
        Arguments.of("files of two sub-projects: their common repository", List.of("outer/sub/deep/b.yaml",
            "outer/iam/roles.yaml"), "outer"),
        Arguments.of("a file of the nested and one of the outer repository: the outer",
            List.of("outer/inner/stack/a.yaml", "outer/top.yaml"), "outer"),
        Arguments.of("no marker up to the file-system root: no project", List.of("alone/x/c.yaml"), null),
        Arguments.of("paths in a project and outside it: none holds them all", List.of("alone/x/c.yaml",
            "outer/iam/roles.yaml"), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roots")
  void findsTheNearestMarkedDirectory(String why, List<String> paths, String expected) throws IOException {
    build();
    assumeTrue(ProjectRoot.find(List.of(tree)).isEmpty(), "the temporary directory lies in a project");
    Optional<Path> root = ProjectRoot.find(paths.stream().map(tree::resolve).toList());
    assertEquals(Optional.ofNullable(expected).map(tree::resolve), root, why);
  }

  static Stream<Arguments> containment() {
    return Stream.of(
        Arguments.of("outer", "outer/iam/roles.yaml", true),
        Arguments.of("outer", "outer", true),
        Arguments.of("outer", "outer/../alone/x", false),
        Arguments.of("outer/iam", "outer/iamx/a.yaml", false),
        Arguments.of("outer/inner", "outer/top.yaml", false));
  }

  @ParameterizedTest(name = "{1} in {0}: {2}")
  @MethodSource("containment")
  void containsIsByPathAsWrittenNotByPrefix(String root, String path, boolean expected) {
    assertEquals(expected, ProjectRoot.contains(tree.resolve(root), tree.resolve(path)));
  }

  @Test
  void aScanOfTheRootOrAboveCoversTheProject() {
    Path root = tree.resolve("outer");
    assertEquals(true, ProjectRoot.coveredBy(root, List.of(root)));
    assertEquals(true, ProjectRoot.coveredBy(root, List.of(tree)));
    assertEquals(false, ProjectRoot.coveredBy(root, List.of(root.resolve("iam"))));
  }

  // A scanned path reached through a link is judged where it was written: the link's own
  // directory decides the project, and discovery (not this) keeps the link's target out of it.
  @Test
  void aLinkedDirectoryBelongsToTheProjectItIsWrittenIn() throws IOException {
    build();
    Path link = tree.resolve("outer/linked");
    if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createSymbolicLink(link, tree.resolve("alone/x"));
      } catch (UnsupportedOperationException | IOException e) {
        assumeTrue(false, "no symbolic links here");
      }
    }
    assertEquals(Optional.of(tree.resolve("outer")), ProjectRoot.find(List.of(link.resolve("c.yaml"))));
  }
}
