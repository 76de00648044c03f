package dev.iamlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.iamlint.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each certain fix as a before/after pair: the bad fixture is scanned, its findings of the rule
 * fixed, the text compared with the expected one, and the fixed file scanned again: the finding
 * is gone.
 */
class FixesTest {

  record Case(String name, String file, String rule, String before, String after) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("CT003 missing in Terraform: added before the closing brace, = aligned", "main.tf", "CT003", """
            resource "aws_cloudtrail" "t" {
              name           = "t"
              s3_bucket_name = "audit-logs"
            }
            """, """
            resource "aws_cloudtrail" "t" {
              name           = "t"
              s3_bucket_name = "audit-logs"
              is_multi_region_trail = true
            }
            """),
        new Case("CT003 false in Terraform: the literal replaced", "main.tf", "CT003", """
            resource "aws_cloudtrail" "t" {
              name                  = "t"
              s3_bucket_name        = "audit-logs"
              is_multi_region_trail = false # single region for now
            }
            """, """
            resource "aws_cloudtrail" "t" {
              name                  = "t"
              s3_bucket_name        = "audit-logs"
              is_multi_region_trail = true # single region for now
            }
            """),
        new Case("CT003 null in Terraform", "main.tf", "CT003", """
            resource "aws_cloudtrail" "t" {
              name                  = "t"
              s3_bucket_name        = "audit-logs"
              is_multi_region_trail = null
            }
            """, """
            resource "aws_cloudtrail" "t" {
              name                  = "t"
              s3_bucket_name        = "audit-logs"
              is_multi_region_trail = true
            }
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theFixedFileNoLongerHasTheFinding(Case c, @TempDir Path dir) throws IOException {
    Path file = dir.resolve(c.file());
    Files.writeString(file, c.before());
    List<Finding> before = FixTestFiles.findings(dir, c.rule());
    assertFalse(before.isEmpty(), "the fixture has a finding of " + c.rule());
    List<Fix> fixes = new ArrayList<>();
    for (Finding f : before) fixes.addAll(Fixes.certainFixes(f, FixTestFiles.source(dir, f)));
    assertEquals(before.size(), fixes.size(), "one certain fix per finding");
    Edits.Applied applied = Edits.apply(c.before(), fixes);
    assertEquals(c.after(), applied.text());
    Files.writeString(file, applied.text());
    assertEquals(List.of(), FixTestFiles.findings(dir, c.rule()));
  }
}
