package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The config's {@code account_id} names the deploying account: a literal account id equal to it
 * is the same account, any other is another account (without it, every literal one is).
 */
class AccountIdTest {
  private static final Path TRUST = Path.of("testdata/account-id/trust.yaml");

  private static List<Finding> scan(Optional<String> accountId, String rule) {
    return TestScans.scan(TRUST, new ScanOptions(false, false, false, Map.of(), accountId), rule).findings();
  }

  @Test
  void anExternalIdIsEnoughOnlyForAnotherAccount() {
    assertEquals(List.of(), scan(Optional.empty(), "MFA002"), "a literal account id is another account");
    assertEquals(List.of(), scan(Optional.of("444455556666"), "MFA002"), "another account than the configured one");
    List<Finding> same = scan(Optional.of("111122223333"), "MFA002");
    assertEquals(1, same.size(), same::toString);
    assertEquals(13, same.get(0).location().startLine());
    assertTrue(same.get(0).message().contains("can be assumed by \"arn:aws:iam::111122223333:root\" without MFA: require"),
        same.get(0).message());
  }

  @Test
  void anAdminRoleOfTheConfiguredAccountWithMfaIsTheRecommendedPattern() {
    assertEquals(List.of(Severity.HIGH), scan(Optional.empty(), "ADM001").stream().map(Finding::severity).toList());
    assertEquals(List.of(Severity.INFO), scan(Optional.of("111122223333"), "ADM001").stream().map(Finding::severity).toList());
  }
}
