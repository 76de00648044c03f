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
        eventNames("iam.amazonaws.com", Set.of("DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy",
            "PutRolePolicy", "PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion",
            "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy",
            "AttachGroupPolicy", "DetachGroupPolicy"))),
    TRAIL_CHANGES("CloudTrail configuration changes", "CIS 4.5, v1.2 3.5",
        eventNames("cloudtrail.amazonaws.com", Set.of("CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging")));

    private final String activity;
    private final String reference;
    private final Shape shape;

    Control(String activity, String reference, Shape shape) {
      this.activity = activity;
      this.reference = reference;
      this.shape = shape;
    }

    public String activity() {
      return activity;
    }

    public String reference() {
      return reference;
    }

    /** Whether a filter pattern is this control's (true only for patterns read in full). */
    public boolean matches(String pattern) {
      return FilterPattern.parse(pattern).filter(shape.matches()).isPresent();
    }

    /**
     * Whether a pattern with unknown parts ({@link Value.Unknown#HOLE}) is certainly not this
     * control's, whatever those parts are: its known beginning is not a JSON pattern, or fixes
     * a term that no CIS version of the control has (every term of a pattern must be one).
     */
    public boolean cannotMatch(String partial) {
      int hole = partial.indexOf(Value.Unknown.HOLE);
      FilterPattern.Start start = FilterPattern.start(hole < 0 ? partial : partial.substring(0, hole));
      return !start.json() || start.heads().stream().anyMatch(h -> !shape.admits().test(h));
    }
  }

  /** A control's patterns: which expressions match, and which terms may appear in one that does. */
  private record Shape(Predicate<FilterPattern.Expr> matches, Predicate<FilterPattern.Head> admits) {}

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

  /** The filters with the control's pattern that a condition certainly leaves out of the account. */
  public static List<MetricFilter> notCreated(IamModel model, Control control) {
    return model.filtersNotCreated().stream().filter(f -> patternMatches(f.pattern(), control).isTrue()).toList();
  }

  private static Truth patternMatches(Value pattern, Control control) {
    Truth result = Truth.FALSE;
    for (Value v : pattern.alternatives()) {
      if (v instanceof Value.Str s) result = result.or(Truth.of(control.matches(s.value())));
      else if (v instanceof Value.Unknown u && u.partial().isPresent() && control.cannotMatch(u.partial().get())) continue;
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

  /** Exactly the terms of one CIS version, joined with {@code &&}. */
  private static Shape conjunctionOf(List<Set<Term>> versions) {
    return new Shape(e -> FilterPattern.conjunction(e).map(versions::contains).orElse(false),
        h -> versions.stream().flatMap(Set::stream).anyMatch(t -> t.selector().equals(h.selector()) && t.op().equals(h.op())
            && h.value().map(t.value()::equals).orElse(true)));
  }

  /**
   * {@code $.eventName = X} terms joined with {@code ||}, the required names among them; the
   * disjunction may be narrowed to the service that emits those events
   * ({@code ($.eventSource = iam.amazonaws.com) && (...)}): every event of the activity still
   * matches (only other services' events of the same names, IoT's CreatePolicy, fall out).
   */
  private static Shape eventNames(String source, Set<String> required) {
    Term fromSource = new Term("$.eventSource", "=", source);
    return new Shape(e -> FilterPattern.disjunction(withoutSource(e, fromSource))
        .filter(terms -> terms.stream().allMatch(t -> t.selector().equals("$.eventName") && t.op().equals("=")))
        .map(terms -> terms.stream().map(Term::value).toList().containsAll(required))
        .orElse(false),
        h -> (h.selector().equals("$.eventName") && h.op().equals("="))
            || (h.selector().equals(fromSource.selector()) && h.op().equals("=") && h.value().map(source::equals).orElse(true)));
  }

  /** The other operand of {@code source && other}; else the expression itself. */
  private static FilterPattern.Expr withoutSource(FilterPattern.Expr e, Term source) {
    if (!(e instanceof FilterPattern.All all) || all.terms().size() != 2 || !all.terms().contains(source)) return e;
    return all.terms().stream().filter(t -> !t.equals(source)).findFirst().orElse(e);
  }
}
