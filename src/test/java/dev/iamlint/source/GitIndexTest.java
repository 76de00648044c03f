package dev.iamlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The index is read as git writes it (git builds the repositories here; discovery never runs
 * it), and a tracked file is never ignored.
 */
class GitIndexTest {
  @TempDir
  Path repo;

  private static final String CFN = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\n";

  @ParameterizedTest(name = "index version {0}, {1}")
  @CsvSource({"2, sha1", "3, sha1", "4, sha1", "2, sha256", "4, sha256"})
  void readsTheIndexGitWrites(int version, String format) throws Exception {
    assumeTrue(gitAvailable());
    git(repo, "init", "-q", "--object-format=" + format);
    write("a.tf", "");
    write("dir/sub/b.yaml", CFN);
    write("dir/c.tf", "");
    write("untracked.tf", "");
    git(repo, "add", "a.tf", "dir");
    // A path longer than the 12 bits of the entry's name length (no file system holds it: only the index).
    String longPath = "dir/" + ("long-name-".repeat(20) + "/").repeat(25) + "d.tf";
    String empty = format.equals("sha1") ? "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
        : "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813";
    git(repo, "update-index", "--add", "--cacheinfo", "100644," + empty + "," + longPath);
    // Intent-to-add sets the extended flags that make version 3.
    if (version == 3) git(repo, "add", "-N", "untracked.tf");
    git(repo, "update-index", "--index-version", String.valueOf(version));
    GitIndex index = GitIndex.read(repo.resolve(".git"));
    assertTrue(index.tracks("a.tf"));
    assertTrue(index.tracks("dir/sub/b.yaml"));
    assertTrue(index.tracks(longPath));
    assertEquals(version == 3, index.tracks("untracked.tf"));
    assertFalse(index.tracks("dir"));
    assertTrue(index.holdsTracked("dir"));
    assertTrue(index.holdsTracked("dir/sub"));
    assertFalse(index.holdsTracked("dir/sub/b.yaml"));
    assertFalse(index.holdsTracked("di"));
  }

  @Test
  void aCorruptOrTruncatedIndexTracksNothing() throws Exception {
    assumeTrue(gitAvailable());
    git(repo, "init", "-q");
    write("a.tf", "");
    git(repo, "add", "a.tf");
    byte[] real = Files.readAllBytes(repo.resolve(".git/index"));
    // The header, then one entry: 62 bytes of stat data, hash and flags, "a.tf", its NUL, padding to 72.
    for (int cut = 0; cut < 12 + 72; cut++) {
      assertEquals(Optional.empty(), GitIndex.parse(Arrays.copyOf(real, cut), 20), "cut at " + cut);
    }
    assertTrue(GitIndex.parse(Arrays.copyOf(real, 12 + 72), 20).orElseThrow().tracks("a.tf"));
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] noise = real.clone();
      noise[12 + random.nextInt(noise.length - 12)] = (byte) random.nextInt();
      GitIndex.parse(noise, 20);
      GitIndex.parse(noise, 32);
    }
    byte[] huge = Arrays.copyOf(real, real.length);
    huge[8] = huge[9] = huge[10] = huge[11] = (byte) 0xFF;
    assertEquals(Optional.empty(), GitIndex.parse(huge, 20), "four billion entries in a small file");
    Files.write(repo.resolve(".git/index"), "not an index".getBytes());
    assertFalse(GitIndex.read(repo.resolve(".git")).tracks("a.tf"));
  }

  // Git never ignores a tracked file: committed with `git add -f`, or before its folder was ignored.
  @Test
  void aTrackedFileIsReadWhateverGitignoreSays() throws Exception {
    assumeTrue(gitAvailable());
    git(repo, "init", "-q");
    write(".gitignore", "*.local.yaml\ngenerated/\n");
    write("kept.local.yaml", CFN);
    write("other.local.yaml", CFN);
    write("generated/tracked/t.yaml", CFN);
    write("generated/untracked.yaml", CFN);
    write(".terraform/modules/m/vendored.tf", "");
    git(repo, "add", "-f", "kept.local.yaml", "generated/tracked/t.yaml", ".terraform/modules/m/vendored.tf");
    List<String> found = new Discovery(repo, p -> false).discover(List.of(repo)).files().stream()
        .map(SourceFile::displayPath).toList();
    assertEquals(List.of("generated/tracked/t.yaml", "kept.local.yaml"), found,
        "tracked files are sources; a build folder stays out even when tracked");
  }

  private void write(String relative, String text) throws IOException {
    Path file = repo.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
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
        "-c", "user.name=t"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), "git " + String.join(" ", args) + ": " + out);
  }
}
