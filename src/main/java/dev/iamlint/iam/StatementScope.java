package dev.iamlint.iam;

import dev.iamlint.model.Statement;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * What a statement's action and resource elements cover. Without the action catalogue (it comes
 * with the IAM engine), "every action" means {@code *} or {@code *:*}, or a {@code NotAction}
 * that still leaves IAM policy writes allowed: a principal that can write its own policies can
 * give itself everything.
 */
public final class StatementScope {

  /** Actions that let a principal grant itself any permission. */
  static final List<String> SELF_ESCALATION_ACTIONS = List.of("iam:PutUserPolicy", "iam:AttachUserPolicy",
      "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutGroupPolicy", "iam:AttachGroupPolicy",
      "iam:CreatePolicyVersion");

  private StatementScope() {}

  /** The element value responsible for a finding, and whether the element covers everything. */
  public record Coverage(Truth covers, Optional<Value> culprit) {}

  /**
   * Whether the statement's actions cover {@code action}: an Action pattern matches it, or a
   * NotAction leaves it out; UNKNOWN when a pattern that decides it is not known. No action: FALSE.
   */
  public static Truth coversAction(Statement s, String action) {
    if (s.action().isEmpty() && s.notAction().isEmpty()) return Truth.FALSE;
    Truth matches = Truth.FALSE;
    for (Value v : s.action().isPresent() ? s.listedActions() : s.excludedActions()) {
      matches = matches.or(v.asText().map(t -> Truth.of(Wildcard.matchesIgnoreCase(t.trim(), action))).orElse(Truth.UNKNOWN));
    }
    return s.action().isPresent() ? matches : matches.not();
  }

  public static Coverage allActions(Statement s) {
    if (s.action().isPresent()) {
      Truth covers = Truth.FALSE;
      Optional<Value> culprit = Optional.empty();
      for (Value v : s.listedActions()) {
        Optional<String> text = v.asText();
        if (text.isEmpty()) {
          covers = covers.or(Truth.UNKNOWN);
        } else if (text.get().trim().equals("*") || text.get().trim().equals("*:*")) {
          covers = Truth.TRUE;
          if (culprit.isEmpty()) culprit = Optional.of(v);
        }
      }
      return new Coverage(covers, culprit);
    }
    if (s.notAction().isPresent()) {
      // Allow everything except the listed actions: still admin while IAM writes remain.
      for (Value v : s.excludedActions()) {
        Optional<String> text = v.asText();
        if (text.isEmpty()) return new Coverage(Truth.UNKNOWN, Optional.empty());
        for (String action : SELF_ESCALATION_ACTIONS) {
          if (Wildcard.matchesIgnoreCase(text.get().trim(), action)) return new Coverage(Truth.FALSE, Optional.empty());
        }
      }
      return new Coverage(Truth.TRUE, s.notAction());
    }
    return new Coverage(Truth.FALSE, Optional.empty());
  }

  public static Coverage allResources(Statement s) {
    if (s.notResource().isPresent()) {
      // NotResource "*" leaves nothing; any other exclusion leaves (nearly) everything.
      boolean excludesAll = s.notResource().get().items().stream().anyMatch(v -> v.asText().map("*"::equals).orElse(false));
      return new Coverage(excludesAll ? Truth.FALSE : Truth.TRUE, s.notResource());
    }
    if (s.resource().isEmpty()) return new Coverage(Truth.FALSE, Optional.empty());
    Truth covers = Truth.FALSE;
    Optional<Value> culprit = Optional.empty();
    for (Value item : s.resource().get().items()) {
      for (Value v : item.alternatives()) {
        Optional<String> text = v.asText();
        if (text.isEmpty()) {
          covers = covers.or(Truth.UNKNOWN);
        } else if (isEverything(text.get().trim())) {
          covers = Truth.TRUE;
          if (culprit.isEmpty()) culprit = Optional.of(v);
        }
      }
    }
    return new Coverage(covers, culprit);
  }

  /** {@code *}, or an ARN pattern whose service, region, account and resource are all wildcards. */
  private static boolean isEverything(String resource) {
    if (resource.equals("*")) return true;
    // Read in place rather than split: every resource of every statement comes here.
    if (!resource.regionMatches(true, 0, "arn:", 0, 4)) return false;
    int partition = resource.indexOf(':', 4);
    if (partition < 0) return false;
    // The segments after the partition (service, region, account, resource; the last one keeps
    // any further colons) must each be exactly "*".
    int at = partition + 1;
    for (int segment = 2;; segment++) {
      int next = segment == 5 ? -1 : resource.indexOf(':', at);
      int end = next < 0 ? resource.length() : next;
      if (end - at != 1 || resource.charAt(at) != '*') return false;
      if (next < 0) return true;
      at = next + 1;
    }
  }
}
