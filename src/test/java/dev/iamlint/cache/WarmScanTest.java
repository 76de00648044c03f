package dev.iamlint.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.report.JsonReporter;
import dev.iamlint.report.Report;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import dev.iamlint.rules.Catalog;
import dev.iamlint.scan.ProjectScope;
import dev.iamlint.scan.ScanRequest;
import dev.iamlint.scan.ScanResult;
import dev.iamlint.scan.Scanner;
import dev.iamlint.scan.TestScans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan with a warm cache says exactly what a scan without one says. */
class WarmScanTest {
  @TempDir
  Path dir;

  private static String json(Path workingDirectory, List<Path> paths, ParseCache cache) throws IOException {
    return json(new ScanRequest(workingDirectory, paths, Map.of(), Map.of(), List.of(), Map.of(), "aws",
        RuleSelector.ALL, Severity.INFO, ScanOptions.DEFAULT.withAsOf(TestScans.AS_OF), p -> false, 4).withCache(cache));
  }

  private static String json(ScanRequest request) throws IOException {
    ScanResult result = new Scanner().scan(request);
    StringBuilder out = new StringBuilder();
    new JsonReporter().write(new Report("test", result.findings(), result.files(), result.resources(), result.errors(),
        Catalog.all()), out);
    return out.toString();
  }

  @Test
  void warmColdAndNoCacheGiveTheSameBytes() throws IOException {
    Path cwd = Path.of("").toAbsolutePath();
    // Terraform modules, CloudFormation YAML and JSON, files that do not parse, unknown values.
    List<Path> paths = Stream.of("testdata/rules/ADM001", "testdata/rules/ADM003", "testdata/rules/CT001",
        "testdata/rules/SYN001", "testdata/unknown", "testdata/demo").map(Path::of).toList();
    String none = json(cwd, paths, ParseCache.NONE);

    DiskCache cold = assertInstanceOf(DiskCache.class, DiskCache.open(dir, "test", DiskCache.DEFAULT_MAX_BYTES, n -> {}));
    assertEquals(none, json(cwd, paths, cold));
    assertTrue(cold.stats().written() > 50, cold.stats().toString());

    DiskCache warm = assertInstanceOf(DiskCache.class, DiskCache.open(dir, "test", DiskCache.DEFAULT_MAX_BYTES, n -> {}));
    assertEquals(none, json(cwd, paths, warm));
    // Only the CloudFormation files that do not parse are parsed again; Terraform is not parsed
    // at all, its evaluations being kept whole.
    assertTrue(warm.stats().hits() > 0, warm.stats().toString());
    assertTrue(warm.stats().hits() < cold.stats().hits() + cold.stats().written(), warm.stats().toString());
    assertTrue(warm.stats().parsed() > 0, "some files do not parse");
    assertTrue(warm.stats().parsed() <= cold.stats().parsed() - cold.stats().written(), warm.stats().toString());
    assertEquals(cold.stats().keptResults(), warm.stats().reusedResults(), warm.stats().toString());
    assertEquals(0, warm.stats().keptResults());
    assertEquals(0, warm.stats().written());
    assertEquals(0, warm.stats().rejected());
    assertTrue(none.contains("\"ruleId\""), "the scan found something to compare");
  }

  @Test
  void aCacheUnderTheScannedTreeIsNotWritten() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("main.tf"), """
        resource "aws_iam_user" "u" {
          name = "u"
        }
        """);
    Path inside = project.resolve(".cache/iamlint");
    DiskCache cache = assertInstanceOf(DiskCache.class, DiskCache.open(inside, "test", DiskCache.DEFAULT_MAX_BYTES, n -> {}));
    // The file alone: its directory is read with it.
    assertEquals(json(dir, List.of(Path.of("project/main.tf")), ParseCache.NONE),
        json(dir, List.of(Path.of("project/main.tf")), cache));
    assertEquals(new DiskCache.Stats(0, 0, 0, 0), cache.stats());
    try (Stream<Path> files = Files.walk(inside)) {
      assertEquals(0, files.filter(Files::isRegularFile).count());
    }
  }

  /** A partial scan reads the whole project: a cache anywhere under its root is not used either. */
  @Test
  void aCacheUnderTheProjectRootIsNotWritten() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.createDirectories(project.resolve("iam"));
    Files.writeString(project.resolve("iam/main.tf"), """
        resource "aws_iam_user" "u" {
          name = "u"
        }
        """);
    Path inside = project.resolve("tools/.cache/iamlint");
    DiskCache cache = assertInstanceOf(DiskCache.class, DiskCache.open(inside, "test", DiskCache.DEFAULT_MAX_BYTES, n -> {}));
    ScanRequest partial = ScanRequest.of(dir, List.of(Path.of("project/iam/main.tf")))
        .withScope(ProjectScope.of(project, List.of(project.resolve("iam/main.tf"))));
    assertEquals(json(partial), json(partial.withCache(cache)));
    assertEquals(new DiskCache.Stats(0, 0, 0, 0), cache.stats());
    try (Stream<Path> files = Files.walk(inside)) {
      assertEquals(0, files.filter(Files::isRegularFile).count());
    }
  }
}
