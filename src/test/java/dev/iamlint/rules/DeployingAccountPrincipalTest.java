package dev.iamlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import dev.iamlint.scan.TestScans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A trust in the deploying account, written as {@code !Ref AWS::AccountId} or as a Sub of that id
 * alone, names that account: certain for MFA002 and never "not decided" for TRUST001 (the
 * account is not everyone). A real-world miss: the Sub form was only an undecided note.
 */
class DeployingAccountPrincipalTest {
  private static final ScanOptions REPORT_UNKNOWN = new ScanOptions(false, false, true, Map.of());

  @ParameterizedTest
  @ValueSource(strings = {"!Ref AWS::AccountId", "!Sub '${AWS::AccountId}'", "!Sub \"${AWS::AccountId}\""})
  void theDeployingAccountIsKnownToBeAnAccountAndNotEveryone(String principal, @TempDir Path dir) throws IOException {
    Path template = Files.writeString(dir.resolve("persona.yaml"), String.join("\n",
        "AWSTemplateFormatVersion: \"2010-09-09\"",
        "Resources:",
        "  Persona:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Version: \"2012-10-17\"",
        "        Statement:",
        "          - Effect: Allow",
        "            Principal:",
        "              AWS: " + principal,
        "            Action: sts:AssumeRole",
        ""));
    List<Finding> found = TestScans.scan(template, REPORT_UNKNOWN, "MFA002", "TRUST001").findings();
    assertEquals(1, found.size(), found::toString);
    Finding mfa = found.get(0);
    assertEquals("MFA002", mfa.ruleId());
    assertTrue(mfa.severity() != Severity.INFO, mfa::toString);
    assertTrue(mfa.message().contains("can be assumed by the deploying account (AWS::AccountId"), mfa.message());
  }
}
