package dev.iamlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** gitignore patterns matched as git matches them: the table in testdata/gitignore/patterns.table. */
class IgnoreFileTest {

  static Stream<Arguments> cases() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("testdata/gitignore/patterns.table"), StandardCharsets.UTF_8);
    return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("//")).map(l -> {
      String[] cells = l.split("\\|");
      String patterns = cells[0].strip().replace('·', ' ').replace("⏎", "\n").replace("␍", "\r");
      String path = cells[1].strip().replace('·', ' ');
      return Arguments.of(patterns, path, cells[2].strip().equals("d"), IgnoreFile.Verdict.valueOf(cells[3].strip()));
    });
  }

  @ParameterizedTest(name = "{0} | {1}")
  @MethodSource("cases")
  void matchesAsGitDoes(String patterns, String path, boolean directory, IgnoreFile.Verdict expected) {
    assertEquals(expected, IgnoreFile.parse(patterns + "\n").match(path.split("/"), 0, directory));
  }

  @Test
  void patternsAreRelativeToTheirFile() {
    IgnoreFile file = IgnoreFile.parse("/main.tf\nmodules/*.tf\n");
    assertEquals(IgnoreFile.Verdict.IGNORED, file.match(new String[] {"sub", "main.tf"}, 1, false));
    assertEquals(IgnoreFile.Verdict.UNDECIDED, file.match(new String[] {"sub", "main.tf"}, 0, false));
    assertEquals(IgnoreFile.Verdict.IGNORED, file.match(new String[] {"sub", "modules", "a.tf"}, 1, false));
  }

  @Test
  void aFileWithoutTrailingNewlineOrWithAByteOrderMarkKeepsItsPatterns() {
    assertEquals(IgnoreFile.Verdict.IGNORED, IgnoreFile.parse("\uFEFF*.tf").match(new String[] {"a.tf"}, 0, false));
  }

  // A hostile file: stars collapse, impossible lengths are rejected, and matching backtracks only
  // to the last star (a regular expression would take exponential time on the first two).
  @Test
  void pathologicalPatternsStayCheap() {
    IgnoreFile file = IgnoreFile.parse("*a".repeat(30) + "b\n" + "*a".repeat(5_000) + "b\n" + "**/".repeat(50_000) + "x\n"
        + "a/**/".repeat(150) + "b\n" + "a/*/".repeat(150) + "b\n");
    String[] deep = new String[400];
    Arrays.fill(deep, "a");
    String[] named = {"a".repeat(250)};
    for (int i = 0; i < 50; i++) {
      assertEquals(IgnoreFile.Verdict.UNDECIDED, file.match(deep, 0, false));
      assertEquals(IgnoreFile.Verdict.UNDECIDED, file.match(named, 0, false));
    }
    deep[deep.length - 1] = "x";
    assertEquals(IgnoreFile.Verdict.IGNORED, file.match(deep, 0, false));
  }
}
