package dev.iamlint.scan;

import dev.iamlint.rule.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A module shared by several root modules (examples/basic and examples/complete calling ../..)
 * is evaluated once per root, so its findings share file, address and rule. The very same
 * finding is reported once (the scanner drops the copies); findings that differ (other inputs,
 * other values) must not share a fingerprint, or baselines and code-quality tools merge them:
 * only those get their deployment in the fingerprint, so every other fingerprint stays as it was.
 */
final class SharedModules {
  private SharedModules() {}

  static List<Finding> distinguish(List<Finding> findings) {
    Map<String, List<Finding>> byFingerprint = new LinkedHashMap<>();
    for (Finding f : findings) byFingerprint.computeIfAbsent(f.fingerprint(), k -> new ArrayList<>()).add(f);
    Set<Finding> colliding = new HashSet<>();
    for (List<Finding> group : byFingerprint.values()) {
      if (group.size() < 2) continue;
      boolean severalDeployments = group.stream().map(f -> f.resource().deployment()).distinct().count() > 1;
      boolean different = group.stream().map(Finding::message).distinct().count() > 1;
      if (severalDeployments && different) colliding.addAll(group);
    }
    if (colliding.isEmpty()) return findings;
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) out.add(colliding.contains(f) ? f.withDetail("@" + f.resource().deployment()) : f);
    return out;
  }
}
