package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.rule.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A CDK app's {@code cdk.out}: its stack templates, their nested stacks (the asset file the
 * metadata names), and the construct that wrote each resource.
 */
class CdkScanTest {
  private static final Path CDK_OUT = Path.of("testdata", "rules", "ADM001", "cdk-out");

  @Test
  void findingsNameTheConstructFromItsCdkPathMetadata() {
    List<Finding> found = TestScans.findings(CDK_OUT, "ADM001");
    assertEquals(List.of(Optional.of("PipelineStack/DeployRole"), Optional.of("PipelineStack/DeployStack/TargetRole")),
        found.stream().map(f -> f.resource().construct()).toList());
  }

  @Test
  void aNestedTemplateIsJudgedThroughItsParentOnly() {
    List<Finding> found = TestScans.findings(CDK_OUT, "ADM001");
    assertEquals(1, found.stream().filter(f -> f.location().file().endsWith(".nested.template.json")).count());
    assertEquals(List.of("PipelineStack.template.json"), found.get(1).related().stream()
        .map(r -> Path.of(r.location().file()).getFileName().toString()).toList());
  }
}
