package dev.iamlint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.iamlint.rule.Finding;
import dev.iamlint.scan.Review;
import dev.iamlint.scan.TestScans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every annotated fixture under {@code testdata/rules/<ID>/}: each file is scanned alone
 * with only rule ID enabled; every expected finding must fire at its line (with the expected
 * words in its message) and nothing else may fire.
 *
 * <p>YAML/Terraform: {@code # Noncompliant[@+N|@-N] [COUNT] [{{text}}]} on a line. JSON: a
 * sibling {@code <file>.expected} with {@code LINE [{{text}}]} per expected finding. A
 * subdirectory is one Terraform module (or a plan with its sources): it is scanned as a whole,
 * and the expectations of all its files count, each at its own file. A file or directory whose
 * name contains "baseline" is scanned as an account baseline. A directory whose name starts with
 * "review" holds exports of a deployed account (see {@link TestScans#reviewDirectory}): it is
 * reviewed, with expectations in {@code .expected} sidecars.
 */
class AnnotatedFixtureTest {
  static final Path ROOT = Path.of("testdata", "rules");
  private static final Pattern MARKER =
      Pattern.compile("(?:#|//)\\s*Noncompliant(?:@([+-]\\d+))?(?:\\s+(\\d+))?(?:\\s*\\{\\{(.*?)}})?");
  private static final Pattern EXPECTED_LINE = Pattern.compile("(\\d+)(?:\\s*\\{\\{(.*)}})?\\s*");

  record Expectation(String file, int line, String text) {}

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(ROOT)) {
      for (Path dir : dirs.sorted().toList()) {
        String rule = dir.getFileName().toString();
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : files.sorted().toList()) {
            if (file.toString().endsWith(".expected")) continue;
            tests.add(DynamicTest.dynamicTest(rule + "/" + file.getFileName(), () -> check(rule, file)));
          }
        }
      }
    }
    assertTrue(tests.size() > 0, "no fixtures found under " + ROOT);
    return tests.stream();
  }

  static void check(String rule, Path target) throws IOException {
    List<Expectation> expected = new ArrayList<>();
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.walk(target)) {
        for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".expected")).sorted().toList()) {
          expected.addAll(expectations(f));
        }
      }
    } else {
      expected.addAll(expectations(target));
    }
    // A fixture named *baseline* describes a whole account baseline: project-level rules apply.
    boolean baseline = target.getFileName().toString().contains("baseline");
    // A directory named review* holds exports of a deployed account: it is reviewed, not scanned.
    boolean review = Files.isDirectory(target) && target.getFileName().toString().startsWith("review");
    List<Finding> actual = new ArrayList<>(review ? reviewed(target, rule)
        : baseline ? TestScans.baselineFindings(target, rule) : TestScans.findings(target, rule));
    List<String> problems = new ArrayList<>();
    for (Expectation e : expected) {
      Finding match = null;
      for (Finding f : actual) {
        if (f.location().startLine() == e.line() && f.location().file().endsWith(e.file())
            && (e.text() == null || f.message().contains(e.text()))) {
          match = f;
          break;
        }
      }
      if (match == null) {
        problems.add("expected at " + e.file() + ":" + e.line()
            + (e.text() == null ? "" : " containing \"" + e.text() + "\"") + ", not reported");
      } else {
        actual.remove(match);
      }
    }
    for (Finding f : actual) {
      problems.add("unexpected at " + f.location().shortForm() + ": " + f.message());
    }
    if (!problems.isEmpty()) fail(target + ":\n  " + String.join("\n  ", problems));
  }

  private static List<Finding> reviewed(Path dir, String rule) throws IOException {
    try {
      return TestScans.reviewDirectory(dir, rule);
    } catch (Review.Refused e) {
      throw new AssertionError(dir + ": review refused: " + e.getMessage(), e);
    }
  }

  static List<Expectation> expectations(Path file) {
    try {
      List<Expectation> out = new ArrayList<>();
      Path sidecar = file.resolveSibling(file.getFileName() + ".expected");
      if (Files.exists(sidecar)) {
        for (String line : Files.readAllLines(sidecar)) {
          if (line.isBlank() || line.trim().startsWith("#")) continue;
          Matcher m = EXPECTED_LINE.matcher(line.trim());
          if (!m.matches()) throw new IllegalStateException(sidecar + ": cannot read \"" + line + "\"");
          out.add(new Expectation(file.getFileName().toString(), Integer.parseInt(m.group(1)), m.group(2)));
        }
        return out;
      }
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = MARKER.matcher(lines.get(i));
        if (!m.find()) continue;
        int line = i + 1 + (m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
        int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        for (int c = 0; c < count; c++) out.add(new Expectation(file.getFileName().toString(), line, m.group(3)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
