package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --report-unknown}: a check that meets an unknown value reports nothing by default, and
 * with the option an info finding at the unknown value that names what was to be checked and why
 * it is not known.
 */
class ReportUnknownTest {
  private static final Path DIR = Path.of("testdata/unknown");

  @ParameterizedTest(name = "{0} {1} line {2}")
  @CsvSource(delimiter = '|', textBlock = """
      terraform     | PWD002   | 7  | whether minimum_password_length is at least 14: variable "min_len" has no value
      terraform     | ADM001   | 17 | whether the policy attached to role "r" (aws_iam_role.r) is AdministratorAccess: variable "policy_arn" has no value
      terraform     | TRUST001 | 23 | whether role aws_iam_role.r can be assumed by anyone: variable "principal" has no value
      terraform     | ADM005   | 46 | can escalate privileges (iam-create-policy-version): statement at line
      terraform     | CT002    | 33 | whether trail aws_cloudtrail.t is logging: variable "logging" has no value
      terraform     | USR001   | 54 | whether aws_iam_user_policy.maybe exists (its count or for_each is not known: one of [1, 0] (from the true branch of a condition that is unknown (variable "create_inline" has no value)
      terraform     | EC2001   | 69 | whether EC2 instance aws_instance.maybe_offline needs an instance profile (its metadata service may be disabled): variable "imds" has no value
      template.yaml | ADM001   | 24 | whether the policy attached to role Resources.Role is AdministratorAccess: parameter PolicyArn has no default and no value was given
      template.yaml | TRUST001 | 21 | whether role Resources.Role can be assumed by anyone: parameter TrustedPrincipal has no default and no value was given
      template.yaml | ADM005   | 40 | Action "s3:DeleteBuckt" in statement at line 39 matches no action of the bundled catalogue
      template.yaml | KEY001   | 46 | whether access key Resources.Key is active: parameter KeyStatus has no default
      template.yaml | MFA002   | 21 | whether role Resources.Role can be assumed without MFA by the principal of statement at line 19
      trust-account.yaml | MFA002 | 14 | whether role Resources.Role can be assumed without MFA by the principal of statement at line 12: the value is "arn:aws:iam::…:root" (parameter ManagementAccountId has no default
      template.yaml | CT002    | 29 | whether trail Resources.Trail is logging: parameter Logging has no default and no value was given
      """)
  void anUnknownValueIsAnInfoFindingOnlyWhenAsked(String target, String rule, int line, String text) {
    Path path = DIR.resolve(target);
    assertEquals(List.of(), TestScans.findings(path, rule), "without --report-unknown");

    List<Finding> reported = TestScans.scan(path, new ScanOptions(false, true, true, Map.of()), rule).findings();
    assertEquals(1, reported.size(), reported::toString);
    Finding f = reported.get(0);
    assertEquals(Severity.INFO, f.severity());
    assertEquals(line, f.location().startLine());
    assertTrue(f.message().contains(text) && (rule.equals("ADM005") || f.message().startsWith("Not decided ")), f.message());
  }
}
