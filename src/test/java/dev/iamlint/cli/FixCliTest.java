package dev.iamlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.iamlint.fix.Fix;
import dev.iamlint.fix.TextEdit;
import dev.iamlint.source.FileKind;
import dev.iamlint.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --fix} and {@code --fix-dry-run}: what they write, what they refuse, what they print. */
class FixCliTest {
  @TempDir
  Path dir;

  private static final String TRAIL = """
      resource "aws_cloudtrail" "t" {
        name                       = "t"
        s3_bucket_name             = "audit-logs"
        enable_log_file_validation = false
      }
      """;

  private static final String FIXED = """
      resource "aws_cloudtrail" "t" {
        name                       = "t"
        s3_bucket_name             = "audit-logs"
        enable_log_file_validation = true
        is_multi_region_trail      = true
      }
      """;

  @Test
  void fixWritesTheCertainFixesAndReportsWhatRemains() throws IOException {
    Path main = dir.resolve("main.tf");
    Files.writeString(main, TRAIL);
    CliTest.Run run = CliTest.run("scan", "--fix", "--rule", "CT003", "--rule", "CT006", "--format", "compact", dir.toString());
    assertEquals(FIXED, Files.readString(main));
    assertEquals(0, run.code(), run.out() + run.err());
    assertEquals("", run.out());
    assertEquals("iamlint: " + main + ": fixed 2 findings\n", run.err());
  }

  @Test
  void dryRunPrintsAUnifiedDiffAndWritesNothing() throws IOException {
    Path main = dir.resolve("main.tf");
    Files.writeString(main, TRAIL);
    FileTime before = Files.getLastModifiedTime(main);
    CliTest.Run run = CliTest.run("scan", "--fix-dry-run", "--rule", "CT003", "--rule", "CT006", dir.toString());
    assertEquals(TRAIL, Files.readString(main));
    assertEquals(before, Files.getLastModifiedTime(main));
    String d = main.toString();
    assertEquals("--- a/" + d + "\n+++ b/" + d + "\n@@ -1,5 +1,6 @@\n"
        + " resource \"aws_cloudtrail\" \"t\" {\n"
        + "   name                       = \"t\"\n"
        + "   s3_bucket_name             = \"audit-logs\"\n"
        + "-  enable_log_file_validation = false\n"
        + "+  enable_log_file_validation = true\n"
        + "+  is_multi_region_trail      = true\n"
        + " }\n", run.out());
    assertEquals(1, run.code(), "the findings are still there");
  }

  @Test
  void dryRunStillWritesAReportToAFile() throws IOException {
    Files.writeString(dir.resolve("main.tf"), TRAIL);
    Path sarif = dir.resolve("out.sarif");
    CliTest.Run run = CliTest.run("scan", "--fix-dry-run", "--rule", "CT006", "--format", "sarif=" + sarif, dir.toString());
    assertTrue(run.out().startsWith("--- a/"), run.out());
    JsonObject result = JsonParser.parseString(Files.readString(sarif)).getAsJsonObject().getAsJsonArray("runs").get(0)
        .getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject();
    JsonArray fixes = result.getAsJsonArray("fixes");
    assertEquals(1, fixes.size());
    JsonObject replacement = fixes.get(0).getAsJsonObject().getAsJsonArray("artifactChanges").get(0).getAsJsonObject()
        .getAsJsonArray("replacements").get(0).getAsJsonObject();
    assertEquals("true", replacement.getAsJsonObject("insertedContent").get("text").getAsString());
    JsonObject region = replacement.getAsJsonObject("deletedRegion");
    assertEquals(List.of(4, 32, 4, 37), List.of(region.get("startLine").getAsInt(), region.get("startColumn").getAsInt(),
        region.get("endLine").getAsInt(), region.get("endColumn").getAsInt()));
  }

  @Test
  void theTwoOptionsExcludeEachOther() throws IOException {
    Files.writeString(dir.resolve("main.tf"), TRAIL);
    assertEquals(ExitCodes.ERROR, CliTest.run("scan", "--fix", "--fix-dry-run", dir.toString()).code());
    assertEquals(TRAIL, Files.readString(dir.resolve("main.tf")));
  }

  // Never write a file the scan could not read back: the fix is left out and one line says why.
  @Test
  void aFixWhoseResultWouldNotParseIsNotWritten() throws IOException {
    Path main = dir.resolve("main.tf");
    Files.writeString(main, TRAIL);
    SourceFile file = new SourceFile(main, "main.tf", FileKind.TERRAFORM, dir, TRAIL);
    Fix breaking = new Fix("Set enable_log_file_validation = {", List.of(new TextEdit(main, 4, 32, 4, 37, "{")));
    StringWriter err = new StringWriter();
    FixFiles files = new FixFiles(List.of(dir), new PrintWriter(err));
    assertEquals(0, files.write(files.plan(Map.of(file, List.of(breaking)))));
    assertEquals(TRAIL, Files.readString(main));
    String said = err.toString();
    assertTrue(said.startsWith("iamlint: main.tf: not fixed: the fixed text would not parse (") && said.endsWith(")\n")
        && said.lines().count() == 1, said);
  }

  @Test
  void aFileOutsideTheScannedPathsOrBehindALinkIsNotWritten(@TempDir Path elsewhere) throws IOException {
    Path outside = elsewhere.resolve("main.tf");
    Files.writeString(outside, TRAIL);
    Path scanned = dir.resolve("scanned");
    Files.createDirectories(scanned);
    Path link = scanned.resolve("linked.tf");
    Files.createSymbolicLink(link, outside);
    Fix fix = new Fix("Set enable_log_file_validation = true", List.of(new TextEdit(outside, 4, 32, 4, 37, "true")));
    Fix viaLink = new Fix("Set enable_log_file_validation = true", List.of(new TextEdit(link, 4, 32, 4, 37, "true")));
    StringWriter err = new StringWriter();
    FixFiles files = new FixFiles(List.of(scanned), new PrintWriter(err));
    int written = files.write(files.plan(Map.of(
        new SourceFile(outside, "outside.tf", FileKind.TERRAFORM, elsewhere, TRAIL), List.of(fix),
        new SourceFile(link, "scanned/linked.tf", FileKind.TERRAFORM, scanned, TRAIL), List.of(viaLink))));
    assertEquals(0, written);
    assertEquals(TRAIL, Files.readString(outside));
    assertEquals("iamlint: outside.tf: not fixed: it lies outside the scanned paths\n"
        + "iamlint: scanned/linked.tf: not fixed: it is a symbolic link\n", err.toString());
  }

  // The fixed text replaces the file as a whole (written beside it, then renamed over it): another
  // name of the same file, outside the scanned paths, keeps what it held; the mode is kept.
  @Test
  void aFixedFileIsReplacedWholeAndAHardLinkOutsideTheScanIsLeftAlone(@TempDir Path elsewhere) throws IOException {
    Path main = dir.resolve("main.tf");
    Files.writeString(main, TRAIL);
    Files.setPosixFilePermissions(main, PosixFilePermissions.fromString("rw-r-----"));
    Path outside = elsewhere.resolve("same-file.tf");
    Files.createLink(outside, main);
    CliTest.Run run = CliTest.run("scan", "--fix", "--rule", "CT006", "--format", "compact", dir.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertEquals(TRAIL.replace("= false", "= true"), Files.readString(main));
    assertEquals(TRAIL, Files.readString(outside));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(main)));
    try (var left = Files.list(dir)) {
      assertEquals(List.of(main), left.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void aFileChangedSinceTheScanIsNotWritten() throws IOException {
    Path main = dir.resolve("main.tf");
    Files.writeString(main, TRAIL);
    SourceFile file = new SourceFile(main, "main.tf", FileKind.TERRAFORM, dir, TRAIL);
    Files.writeString(main, TRAIL + "\n# edited meanwhile\n");
    Fix fix = new Fix("Set enable_log_file_validation = true", List.of(new TextEdit(main, 4, 32, 4, 37, "true")));
    StringWriter err = new StringWriter();
    FixFiles files = new FixFiles(List.of(dir), new PrintWriter(err));
    assertEquals(0, files.write(files.plan(Map.of(file, List.of(fix)))));
    assertEquals("iamlint: main.tf: not fixed: it changed since it was read, or is not plain UTF-8\n", err.toString());
  }

  // Overlapping edits in one file: the first applies, the other is left out with a note.
  @Test
  void anOverlappingFixIsLeftOutWithANote() throws IOException {
    Path main = dir.resolve("main.tf");
    Files.writeString(main, TRAIL);
    SourceFile file = new SourceFile(main, "main.tf", FileKind.TERRAFORM, dir, TRAIL);
    Fix first = new Fix("Set enable_log_file_validation = true", List.of(new TextEdit(main, 4, 32, 4, 37, "true")));
    Fix second = new Fix("Replace the line", List.of(new TextEdit(main, 4, 3, 4, 37, "enable_log_file_validation = null")));
    StringWriter err = new StringWriter();
    FixFiles files = new FixFiles(List.of(dir), new PrintWriter(err));
    assertEquals(1, files.write(files.plan(Map.of(file, List.of(first, second)))));
    assertEquals(TRAIL.replace("= false", "= true"), Files.readString(main));
    assertEquals("iamlint: main.tf: fixed 1 finding\n"
        + "iamlint: main.tf: 1 fix left out: it overlaps another fix (run --fix again)\n", err.toString());
  }

  @Test
  void suppressedFindingsAreNotFixedAndSuppressionsNeverWritten() throws IOException {
    Path main = dir.resolve("main.tf");
    String suppressed = "# iamlint:ignore CT006 -- validated by the log archive account\n" + TRAIL;
    Files.writeString(main, suppressed);
    CliTest.Run run = CliTest.run("scan", "--fix", "--rule", "CT006", dir.toString());
    assertEquals(suppressed, Files.readString(main));
    assertEquals(0, run.code(), run.out() + run.err());
  }

  // Regression: a finding the baseline accepts was fixed all the same (the fixes were taken
  // before the baseline was applied). Only what the report would list is fixed.
  @Test
  void findingsInTheBaselineAreNotFixed() throws IOException {
    Path main = dir.resolve("main.tf");
    Files.writeString(main, TRAIL);
    Path baseline = dir.resolve("baseline.json");
    assertEquals(0, CliTest.run("scan", "--rule", "CT006", "--write-baseline", baseline.toString(), dir.toString()).code());
    CliTest.Run dryRun = CliTest.run("scan", "--fix-dry-run", "--baseline", baseline.toString(), "--rule", "CT003",
        "--rule", "CT006", dir.toString());
    assertEquals("--- a/" + main + "\n+++ b/" + main + "\n@@ -2,4 +2,5 @@\n"
        + "   name                       = \"t\"\n"
        + "   s3_bucket_name             = \"audit-logs\"\n"
        + "   enable_log_file_validation = false\n"
        + "+  is_multi_region_trail      = true\n"
        + " }\n", dryRun.out(), "only CT003, which the baseline does not hold");
    CliTest.Run run = CliTest.run("scan", "--fix", "--baseline", baseline.toString(), "--rule", "CT003", "--rule", "CT006",
        "--format", "compact", dir.toString());
    assertEquals(TRAIL.replace("= false\n", "= false\n  is_multi_region_trail      = true\n"), Files.readString(main));
    assertEquals(0, run.code(), run.out() + run.err());
    assertEquals("iamlint: " + main + ": fixed 1 finding\n", run.err());
  }

  // A config ignore entry hides a finding as a comment does: it is not fixed either.
  @Test
  void findingsIgnoredByTheConfigAreNotFixed() throws IOException {
    Path main = dir.resolve("main.tf");
    Files.writeString(main, TRAIL);
    Path config = dir.resolve("iamlint.yaml");
    Files.writeString(config, "ignore:\n  - { rule: CT006, resource: \"aws_cloudtrail.*\", reason: \"validated elsewhere\" }\n");
    CliTest.Run run = CliTest.run("scan", "--fix", "-c", config.toString(), "--rule", "CT006", dir.toString());
    assertEquals(TRAIL, Files.readString(main));
    assertEquals(0, run.code(), run.out() + run.err());
  }
}
