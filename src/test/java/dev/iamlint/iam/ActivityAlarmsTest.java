package dev.iamlint.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.iam.ActivityAlarms.Control;
import dev.iamlint.value.Value;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which filter patterns count as a CIS control's: normal form, not text. */
class ActivityAlarmsTest {

  static Stream<Arguments> patterns() {
    return Stream.of(
        Arguments.of(Control.ROOT_USAGE, true,
            "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"),
        Arguments.of(Control.ROOT_USAGE, true,
            "{(($.eventType!=AwsServiceEvent))&&($.userIdentity.invokedBy NOT EXISTS)&&($.userIdentity.type=\"Root\")}"),
        Arguments.of(Control.ROOT_USAGE, false, "{ $.userIdentity.type = \"Root\" && $.eventType != \"AwsServiceEvent\" }"),
        Arguments.of(Control.ROOT_USAGE, false,
            "{ $.userIdentity.type = \"Root\" || $.userIdentity.invokedBy NOT EXISTS || $.eventType != \"AwsServiceEvent\" }"),
        Arguments.of(Control.ROOT_USAGE, false,
            "{ $.userIdentity.type = \"root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"),
        Arguments.of(Control.ROOT_USAGE, false, "Root"),
        Arguments.of(Control.ROOT_USAGE, false, "{ $.userIdentity.type = \"Root\" && "),
        Arguments.of(Control.ROOT_USAGE, false, "{ $.userIdentity.type = \"Root }"),
        Arguments.of(Control.CONSOLE_WITHOUT_MFA, true,
            "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }"),
        Arguments.of(Control.CONSOLE_WITHOUT_MFA, true,
            "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && "
                + "($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }"),
        Arguments.of(Control.CONSOLE_WITHOUT_MFA, false,
            "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") }"),
        Arguments.of(Control.CONSOLE_WITHOUT_MFA, false, "{ ($.eventName = \"ConsoleLogin\") }"),
        Arguments.of(Control.CONSOLE_WITHOUT_MFA, false,
            "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed = \"Yes\") }"),
        Arguments.of(Control.TRAIL_CHANGES, true,
            "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || "
                + "($.eventName = StartLogging) || ($.eventName = StopLogging) }"),
        Arguments.of(Control.TRAIL_CHANGES, true,
            "{ (($.eventName = StopLogging) || ($.eventName = StartLogging)) || ($.eventName = DeleteTrail) || "
                + "$.eventName = UpdateTrail || ($.eventName = CreateTrail) || ($.eventName = PutEventSelectors) }"),
        Arguments.of(Control.TRAIL_CHANGES, false,
            "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || "
                + "($.eventName = StartLogging) }"),
        Arguments.of(Control.TRAIL_CHANGES, false,
            "{ ($.eventName = CreateTrail) && ($.eventName = UpdateTrail) && ($.eventName = DeleteTrail) && "
                + "($.eventName = StartLogging) && ($.eventName = StopLogging) }"),
        Arguments.of(Control.TRAIL_CHANGES, false,
            "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || "
                + "($.eventName = StartLogging) || ($.eventName != StopLogging) }"),
        Arguments.of(Control.IAM_POLICY_CHANGES, false, "{ ($.eventName = PutRolePolicy) }"),
        // Narrowed to the service that emits the events: every event of the control still matches.
        Arguments.of(Control.TRAIL_CHANGES, true,
            "{ ($.eventSource = cloudtrail.amazonaws.com) && (($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || "
                + "($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging)) }"),
        Arguments.of(Control.TRAIL_CHANGES, false,
            "{ ($.eventSource = iam.amazonaws.com) && (($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || "
                + "($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging)) }"),
        Arguments.of(Control.TRAIL_CHANGES, false,
            "{ ($.eventSource = cloudtrail.amazonaws.com) || ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || "
                + "($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }"),
        Arguments.of(Control.TRAIL_CHANGES, false,
            "{ ($.eventSource = cloudtrail.amazonaws.com) && ($.awsRegion = us-east-1) && (($.eventName = CreateTrail) || "
                + "($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || "
                + "($.eventName = StopLogging)) }"));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("patterns")
  void matchesInNormalForm(Control control, boolean expected, String pattern) {
    assertEquals(expected, control.matches(pattern));
  }

  /** {@code ?} marks an unknown part (a Terraform interpolation, a {@code Fn::Sub} variable). */
  static Stream<Arguments> partialPatterns() {
    return Stream.of(
        // The known parts fix a term no CIS version has: no value of the unknown parts helps.
        Arguments.of(Control.ROOT_USAGE, true, "{ $.userIdentity.arn = \"?\" || $.userIdentity.arn = \"?\" }"),
        Arguments.of(Control.CONSOLE_WITHOUT_MFA, true, "{ (($.sourceIPAddress != \"?\") && ($.userIdentity.arn = \"?\")) }"),
        Arguments.of(Control.IAM_POLICY_CHANGES, true, "{ ($.eventSource = iot.amazonaws.com) && ($.eventName = ?) }"),
        Arguments.of(Control.TRAIL_CHANGES, true, "{ ($.eventSource = iam.amazonaws.com) && ($.eventName = ?) }"),
        Arguments.of(Control.TRAIL_CHANGES, true, "{ ($.eventName = CreateTrail) || ($.eventName != ?) }"),
        Arguments.of(Control.ROOT_USAGE, true, "{ $.userIdentity.type = \"IAMUser\" && $.userIdentity.invokedBy NOT EXISTS && ? }"),
        Arguments.of(Control.ROOT_USAGE, true, "ERROR ?"),
        // An unknown part could still complete the CIS pattern (it may hold quotes and operators).
        Arguments.of(Control.ROOT_USAGE, false, "{ $.userIdentity.type = \"?\" && $.userIdentity.invokedBy NOT EXISTS && "
            + "$.eventType != \"AwsServiceEvent\" }"),
        Arguments.of(Control.TRAIL_CHANGES, false, "{ ($.eventName = CreateTrail) || ($.eventName = ?) }"),
        // Narrowed to the service that emits the control's events: the rest may be the CIS names.
        Arguments.of(Control.IAM_POLICY_CHANGES, false, "{ ($.eventSource = iam.amazonaws.com) && ($.eventName = ?) }"),
        Arguments.of(Control.CONSOLE_WITHOUT_MFA, false, "{ $.eventName = \"ConsoleLogin\" && ? && $.foo = \"bar\" }"),
        Arguments.of(Control.ROOT_USAGE, false, "{ $.userIdentity.type = Root && $.eventType ?"),
        Arguments.of(Control.ROOT_USAGE, false, "{ $.userIdentity.type = Root && $.eventType <?"),
        Arguments.of(Control.ROOT_USAGE, false, "{ $.userIdentity.invokedBy NOT EXISTS?"),
        Arguments.of(Control.ROOT_USAGE, false, "{ $.userIdentity.ty?"),
        Arguments.of(Control.ROOT_USAGE, false, "?"),
        Arguments.of(Control.ROOT_USAGE, false, "  ?{ $.userIdentity.arn = x }"));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("partialPatterns")
  void aPatternWithUnknownPartsCannotMatchOnlyWhenItsKnownPartsExcludeIt(Control control, boolean expected, String pattern) {
    assertEquals(expected, control.cannotMatch(pattern.replace('?', Value.Unknown.HOLE)));
  }
}
