package dev.iamlint.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManagedPolicyPrivilegesTest {
  /** The table the build wrote says, for every bundled policy, what judging its document says. */
  @Test
  void theTableIsWhatTheDocumentsSay() {
    List<String> differ = new ArrayList<>();
    for (String name : ManagedPolicyCatalog.bundled().names()) {
      Optional<String> table = ManagedPolicyPrivileges.of(name);
      Optional<String> judged = ManagedPolicyPrivileges.judge(name);
      if (!table.equals(judged)) differ.add(name + ": " + table + " against " + judged);
    }
    assertTrue(ManagedPolicyCatalog.bundled().names().size() > 1000);
    assertEquals(List.of(), differ);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "IAMFullAccess | every action of iam on every resource",
      "PowerUserAccess | every action except \"iam:*\", \"organizations:*\", \"account:*\" on every resource",
      "AmazonEC2FullAccess | a privilege-escalation path",
      "ReadOnlyAccess | ",
      "AmazonSSMManagedInstanceCore | ",
      "AWSSupportAccess | ",
      "NoSuchPolicy | ",
  })
  void knownPolicies(String name, String reasonStart) {
    Optional<String> reason = ManagedPolicyPrivileges.of(name);
    if (reasonStart == null) {
      assertEquals(Optional.empty(), reason);
    } else {
      assertTrue(reason.orElse("").startsWith(reasonStart), name + ": " + reason);
    }
  }
}
