package dev.iamlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.iamlint.rule.Finding;
import dev.iamlint.scan.TestScans;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ADM003 says where a document read by file() came from once: the action and the statement came
 * the same way (the message said "(from read by file() (main.tf:8))" twice).
 */
class PolicyOriginMessageTest {

  @Test
  void aFileReadIsNamedOnce() {
    List<Finding> findings = TestScans.findings(Path.of("testdata/rules/ADM003/terraform-file"), "ADM003");
    assertFalse(findings.isEmpty());
    for (Finding f : findings) {
      int at = f.message().indexOf("(from ");
      assertEquals(at, f.message().lastIndexOf("(from "), f.message());
    }
  }
}
