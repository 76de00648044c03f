package dev.iamlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixes that would have been wrong: an edit that lands in text another resource shares, one
 * that another file undoes, one made twice. Each is a case a review found.
 */
class FixSafetyTest {

  /** The certain fixes of every finding of {@code rule} in {@code dir}, by the file they edit. */
  private static Map<Path, List<Fix>> fixes(Path dir, String rule) throws IOException {
    Map<Path, List<Fix>> out = new LinkedHashMap<>();
    for (Finding f : FixTestFiles.findings(dir, rule)) {
      for (Fix fix : Fixes.certainFixes(f, FixTestFiles.source(dir, f))) {
        out.computeIfAbsent(fix.edits().get(0).file(), k -> new ArrayList<>()).add(fix);
      }
    }
    return out;
  }

  @Test
  void aModuleCalledTwiceGetsItsFixOnce(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        module "east" {
          source = "./trail"
        }

        module "west" {
          source = "./trail"
        }
        """);
    Files.createDirectories(dir.resolve("trail"));
    Path trail = dir.resolve("trail/main.tf");
    Files.writeString(trail, """
        resource "aws_cloudtrail" "t" {
          name           = "t"
          s3_bucket_name = "audit-logs"
        }
        """);
    assertEquals(2, FixTestFiles.findings(dir, "CT003").size(), "one finding per call");
    List<Fix> found = fixes(dir, "CT003").get(trail);
    assertEquals(2, found.size(), "each finding has its fix");
    Edits.Applied applied = Edits.apply(Files.readString(trail), found);
    assertEquals(1, applied.text().split("is_multi_region_trail", -1).length - 1, applied.text());
    assertEquals(2, applied.applied().size(), "the second is the same edit: it is made by the first");
    Files.writeString(trail, applied.text());
    assertEquals(List.of(), FixTestFiles.findings(dir, "CT003"));
  }

  @Test
  void propertiesAliasedFromAnotherResourceAreNotEditedThroughTheAlias(@TempDir Path dir) throws IOException {
    Path stack = dir.resolve("stack.yaml");
    Files.writeString(stack, """
        Resources:
          First:
            Type: AWS::CloudTrail::Trail
            Properties: &shared
              S3BucketName: audit-logs
              IsLogging: true
          Second:
            Type: AWS::CloudTrail::Trail
            Properties: *shared
        """);
    List<Finding> findings = FixTestFiles.findings(dir, "CT003");
    assertEquals(2, findings.size());
    // Adding the setting to the anchored mapping would change both trails: neither is fixed there.
    for (Finding f : findings) assertEquals(List.of(), Fixes.certainFixes(f, FixTestFiles.source(dir, f)), f.message());
  }

  @Test
  void aResourceThatIsAnAliasOfAnotherGetsNoFix(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("stack.yaml"), """
        Resources:
          First: &trail
            Type: AWS::CloudTrail::Trail
            Properties:
              S3BucketName: audit-logs
              IsLogging: true
              IsMultiRegionTrail: false
          Second: *trail
        """);
    List<Finding> findings = FixTestFiles.findings(dir, "CT003");
    assertEquals(2, findings.size());
    for (Finding f : findings) assertEquals(List.of(), Fixes.certainFixes(f, FixTestFiles.source(dir, f)), f.message());
  }

  @Test
  void aSettingMergedFromAnAnchoredMappingIsNotEditedThere(@TempDir Path dir) throws IOException {
    Path stack = dir.resolve("stack.yaml");
    String text = """
        Resources:
          First:
            Type: AWS::CloudTrail::Trail
            Properties: &base
              S3BucketName: audit-logs
              IsLogging: true
              IsMultiRegionTrail: false
          Second:
            Type: AWS::CloudTrail::Trail
            Properties:
              <<: *base
              S3BucketName: other-logs
        """;
    Files.writeString(stack, text);
    List<Finding> findings = FixTestFiles.findings(dir, "CT003");
    assertFalse(findings.isEmpty());
    for (Finding f : findings) {
      for (Fix fix : Fixes.certainFixes(f, FixTestFiles.source(dir, f))) {
        // Only Second's own mapping may change for Second, and nothing that First shares with it.
        String fixed = Edits.apply(text, List.of(fix)).text();
        assertTrue(fixed.contains("IsMultiRegionTrail: false"), "the anchored mapping is left as it is:\n" + fixed);
      }
    }
  }

  @Test
  void aSettingAnOverrideFileDecidesIsNotFixedInTheBaseFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        resource "aws_cloudtrail" "t" {
          name                  = "t"
          s3_bucket_name        = "audit-logs"
          is_multi_region_trail = false
        }
        """);
    Files.writeString(dir.resolve("trail_override.tf"), """
        resource "aws_cloudtrail" "t" {
          is_multi_region_trail = false
        }
        """);
    List<Finding> findings = FixTestFiles.findings(dir, "CT003");
    assertEquals(1, findings.size());
    for (Finding f : findings) assertEquals(List.of(), Fixes.certainFixes(f, FixTestFiles.source(dir, f)), f.message());
  }

  @Test
  void aSettingMissingFromTheBaseFileButSetInAnOverrideIsNotAddedToTheBase(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        resource "aws_cloudtrail" "t" {
          name           = "t"
          s3_bucket_name = "audit-logs"
        }
        """);
    Files.writeString(dir.resolve("override.tf"), """
        resource "aws_cloudtrail" "t" {
          is_multi_region_trail = false
        }
        """);
    List<Finding> findings = FixTestFiles.findings(dir, "CT003");
    assertEquals(1, findings.size());
    for (Finding f : findings) assertEquals(List.of(), Fixes.certainFixes(f, FixTestFiles.source(dir, f)), f.message());
  }
}
