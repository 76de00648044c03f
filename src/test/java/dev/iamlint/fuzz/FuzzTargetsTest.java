package dev.iamlint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamlint.terraform.TerraformFuzz;

/**
 * The fuzz targets as JUnit tests: in every build they run on their committed inputs (crashers
 * found so far, under src/test/resources/dev/iamlint/fuzz/FuzzTargetsTestInputs/METHOD/), and
 * on the empty input. {@code tools/fuzz/run} fuzzes them for a bounded time.
 */
class FuzzTargetsTest {
  @FuzzTest
  void hcl(FuzzedDataProvider data) {
    HclFuzz.fuzzerTestOneInput(data);
  }

  @FuzzTest
  void terraform(FuzzedDataProvider data) {
    TerraformFuzz.fuzzerTestOneInput(data);
  }

  @FuzzTest
  void cloudFormation(FuzzedDataProvider data) {
    CloudFormationFuzz.fuzzerTestOneInput(data);
  }

  @FuzzTest
  void policy(FuzzedDataProvider data) {
    PolicyFuzz.fuzzerTestOneInput(data);
  }
}
