package dev.iamlint.iam;

import dev.iamlint.iam.FilterPattern.Term;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.MetricAlarm;
import dev.iamlint.model.MetricFilter;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The CIS "monitoring" controls: a metric filter on the trail's log group whose pattern is the
 * control's, and an alarm on the metric it publishes. Patterns are compared in normal form
 * ({@link FilterPattern}); a pattern that drops a term or joins the terms with {@code ||} does
 * not count.
 */
public final class ActivityAlarms {

  /** One control, with the pattern(s) of the CIS versions that define it. */
  public enum Control {
    ROOT_USAGE("root account usage", "CIS 4.3, v1.2 3.3",
        conjunctionOf(List.of(Set.of(
            new Term("$.userIdentity.type", "=", "Root"),
            new Term("$.userIdentity.invokedBy", "NOT EXISTS", ""),
            new Term("$.eventType", "!=", "AwsServiceEvent"))))),
    CONSOLE_WITHOUT_MFA("console sign-in without MFA", "CIS 4.2, v1.2 3.2",
        conjunctionOf(List.of(
            Set.of(new Term("$.eventName", "=", "ConsoleLogin"),
                new Term("$.additionalEventData.MFAUsed", "!=", "Yes")),
            Set.of(new Term("$.eventName", "=", "ConsoleLogin"),
                new Term("$.additionalEventData.MFAUsed", "!=", "Yes"),
                new Term("$.userIdentity.type", "=", "IAMUser"),
                new Term("$.responseElements.ConsoleLogin", "=", "Success"))))),
    IAM_POLICY_CHANGES("IAM policy changes", "CIS 4.4, v1.2 3.4",
        eventNames(Set.of("DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy",
            "PutRolePolicy", "PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion",
            "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy",
            "AttachGroupPolicy", "DetachGroupPolicy"))),
    TRAIL_CHANGES("CloudTrail configuration changes", "CIS 4.5, v1.2 3.5",
        eventNames(Set.of("CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging")));

    private final String activity;
    private final String reference;
    private final Predicate<FilterPattern.Expr> matches;

    Control(String activity, String reference, Predicate<FilterPattern.Expr> matches) {
      this.activity = activity;
      this.reference = reference;
      this.matches = matches;
    }

    public String activity() {
      return activity;
    }

    public String reference() {
      return reference;
    }

    /** Whether a filter pattern is this control's (true only for patterns read in full). */
    public boolean matches(String pattern) {
      return FilterPattern.parse(pattern).filter(matches).isPresent();
    }
  }

  /** Whether the project alarms on the control's activity, with what it found toward it. */
  public record Coverage(Truth covered, List<MetricFilter> matchingFilters) {
    public Coverage {
      matchingFilters = List.copyOf(matchingFilters);
    }
  }

  private ActivityAlarms() {}

  public static Coverage coverage(IamModel model, Control control) {
    Truth covered = Truth.FALSE;
    List<MetricFilter> matching = model.metricFilters().stream()
        .filter(f -> patternMatches(f.pattern(), control) != Truth.FALSE).toList();
    for (MetricFilter f : matching) {
      Truth alarmed = Truth.FALSE;
      for (MetricFilter.Metric metric : f.metrics()) {
        for (MetricAlarm alarm : model.metricAlarms()) {
          alarmed = alarmed.or(equal(alarm.metricName(), metric.name(), model).and(equal(alarm.namespace(), metric.namespace(), model)));
        }
      }
      covered = covered.or(patternMatches(f.pattern(), control).and(alarmed));
    }
    return new Coverage(covered, matching);
  }

  private static Truth patternMatches(Value pattern, Control control) {
    Truth result = Truth.FALSE;
    for (Value v : pattern.alternatives()) {
      if (v instanceof Value.Str s) result = result.or(Truth.of(control.matches(s.value())));
      else if (!absent(v)) result = result.or(Truth.UNKNOWN);
    }
    return result;
  }

  /**
   * Whether an alarm's setting equals a metric's. A reference to a metric filter (its id, or
   * Ref) yields that filter's name.
   */
  private static Truth equal(Value alarmSide, Value metricSide, IamModel model) {
    Truth result = Truth.FALSE;
    for (Value a : alarmSide.alternatives()) {
      Value resolved = filterName(a, model).orElse(a);
      for (Value m : metricSide.alternatives()) {
        if (resolved instanceof Value.Str x && m instanceof Value.Str y) result = result.or(Truth.of(x.value().equals(y.value())));
        else if (!absent(resolved) && !absent(m)) result = result.or(Truth.UNKNOWN);
      }
    }
    return result;
  }

  private static Optional<Value> filterName(Value v, IamModel model) {
    if (!(v instanceof Value.Unknown u) || u.reference().isEmpty()) return Optional.empty();
    Reference r = u.reference().get();
    if (!Set.of("", "id", "name").contains(r.attribute())) return Optional.empty();
    return model.metricFilters().stream()
        .filter(f -> r.scope().equals(f.resource().scope()) && r.address().equals(f.resource().address()))
        .map(MetricFilter::name).findFirst();
  }

  private static boolean absent(Value v) {
    return v instanceof Value.Unknown u && u.cause() == Value.Cause.UNDECLARED;
  }

  private static Predicate<FilterPattern.Expr> conjunctionOf(List<Set<Term>> versions) {
    return e -> FilterPattern.conjunction(e).map(versions::contains).orElse(false);
  }

  private static Predicate<FilterPattern.Expr> eventNames(Set<String> required) {
    return e -> FilterPattern.disjunction(e)
        .filter(terms -> terms.stream().allMatch(t -> t.selector().equals("$.eventName") && t.op().equals("=")))
        .map(terms -> terms.stream().map(Term::value).toList().containsAll(required))
        .orElse(false);
  }
}
