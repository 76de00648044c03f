package dev.iamlint.rules;

import dev.iamlint.iam.ActivityAlarms;
import dev.iamlint.rule.Rule;
import java.util.List;

/** Every rule class, in catalogue order. A test checks each has metadata, docs and fixtures. */
public final class Rules {
  private Rules() {}

  /** Rules raised by the tool itself rather than by a rule class (syntax errors). */
  public static final List<String> TOOL_RULE_IDS = List.of("SYN001", "SUP001");

  public static List<Rule> all() {
    return List.of(
        new PasswordPolicyMissing(), new PasswordMinLength(), new PasswordComplexity(), new PasswordMaxAge(),
        new PasswordReuse(), new PasswordChangeDisallowed(), new LoginPasswordPlaintext(), new PasswordResetNotRequired(),
        new ConsoleUserWithoutMfa(), new AssumeRoleWithoutMfa(), new MfaConditionBypassable(),
        new RootAccessKey(),
        new LongLivedAccessKey(), new AccessKeySecretExposed(), new AccessKeySecretInState(), new MultipleAccessKeys(), new AccessKeyForConsoleUser(),
        new HardcodedCredentials(),
        new AdminPolicyAttached(), new PrivilegedManagedPolicyAttached(), new PolicyGrantsAdmin(),
        new PolicyGrantsServiceWildcard(), new PrivilegeEscalation(), new PassRoleUnrestricted(),
        new InlineUserPolicy(), new PolicyAttachedToUser(), new UserWithoutGroup(), new SharedOrTemporaryUser(),
        new InstanceWithoutRole(), new InstanceProfileWithoutRole(), new StaticCredentialsOnInstance(),
        new CloudTrailMissing(), new TrailLoggingDisabled(), new TrailNotMultiRegion(),
        new TrailGlobalEventsExcluded(), new TrailManagementEventsExcluded(), new TrailLogValidationDisabled(),
        new TrailNotEncrypted(), new TrailNoCloudWatchLogs(),
        new ActivityAlarmMissing("MON001", ActivityAlarms.Control.ROOT_USAGE),
        new ActivityAlarmMissing("MON002", ActivityAlarms.Control.CONSOLE_WITHOUT_MFA),
        new ActivityAlarmMissing("MON003", ActivityAlarms.Control.IAM_POLICY_CHANGES),
        new ActivityAlarmMissing("MON004", ActivityAlarms.Control.TRAIL_CHANGES),
        new RoleTrustsEveryone(), new OidcTrustWithoutSubject(),
        new UnusedCredentialsCheckMissing(), new AccessAnalyzerMissing(), new KeyRotationCheckMissing(),
        new PolicyDocumentInvalid(),
        new InactiveUser(), new StaleAccessKey(), new RootCredentialsActive(), new ConsoleUserWithoutMfaDevice(),
        new IdentityNotInCode());
  }
}
