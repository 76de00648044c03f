package dev.iamlint.rules;

import dev.iamlint.rule.Rule;
import java.util.List;

/** Every rule class, in catalogue order. A test checks each has metadata, docs and fixtures. */
public final class Rules {
  private Rules() {}

  /** Rules raised by the tool itself rather than by a rule class (syntax errors). */
  public static final List<String> TOOL_RULE_IDS = List.of("SYN001");

  public static List<Rule> all() {
    return List.of(
        new LoginPasswordPlaintext(), new PasswordResetNotRequired(),
        new RootAccessKey(),
        new LongLivedAccessKey(), new MultipleAccessKeys(),
        new AdminPolicyAttached(), new PolicyGrantsAdmin(),
        new InlineUserPolicy(), new PolicyAttachedToUser(), new UserWithoutGroup(),
        new InstanceWithoutRole(), new InstanceProfileWithoutRole(),
        new CloudTrailMissing(), new TrailLoggingDisabled(), new TrailNotMultiRegion(),
        new TrailGlobalEventsExcluded(), new TrailManagementEventsExcluded(), new TrailLogValidationDisabled(),
        new TrailNotEncrypted(), new TrailNoCloudWatchLogs());
  }
}
