package dev.iamlint.rules;

import dev.iamlint.iam.ActivityAlarms;
import dev.iamlint.iam.ActivityAlarms.Control;
import dev.iamlint.model.MetricFilter;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Trail;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import java.util.Comparator;
import java.util.Optional;

/**
 * MON001-MON004: a project that records activity (it defines a trail, or is an account
 * baseline) alarms on one kind of activity through a metric filter with the CIS pattern and an
 * alarm on its metric. One finding per scan, at the first trail (or the first resource of a
 * baseline). A filter or alarm whose values are unknown may be the one: no finding then.
 */
public final class ActivityAlarmMissing implements Rule {

  private final String id;
  private final Control control;

  public ActivityAlarmMissing(String id, Control control) {
    this.id = id;
    this.control = control;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void check(RuleContext ctx) {
    // A trail in a reusable module does not make the module an account that needs alarms.
    Optional<ResourceRef> at = ctx.model().trails().stream().map(Trail::resource)
        .filter(r -> ctx.options().accountBaseline() || ctx.model().deployed(r))
        .min(Comparator.comparing(ResourceRef::location));
    if (at.isEmpty() && !ctx.options().accountBaseline()) return;
    if (at.isEmpty()) at = ctx.model().resources().stream().min(Comparator.comparing(ResourceRef::location));
    ActivityAlarms.Coverage coverage = ActivityAlarms.coverage(ctx.model(), control);
    if (!coverage.covered().isFalse() || at.isEmpty()) return;
    String what = "No CloudWatch alarm on " + control.activity() + " (" + control.reference() + "): ";
    Optional<MetricFilter> filter = coverage.matchingFilters().stream().findFirst();
    ResourceRef r = at.get();
    if (Baselines.mayBeUnread(ctx, r, "no-filter", "the project alarms on " + control.activity())) return;
    if (filter.isPresent()) {
      ctx.report(r, r.header(), "no-alarm", what + "metric filter " + filter.get().resource().address()
          + " has the CIS pattern but no alarm watches the metric it publishes");
    } else if (!ActivityAlarms.notCreated(ctx.model(), control).isEmpty()) {
      MetricFilter off = ActivityAlarms.notCreated(ctx.model(), control).get(0);
      ctx.report(r, r.header(), "no-filter", what + "metric filter " + off.resource().address()
          + " has the CIS pattern but is not created: " + off.resource().mayNotExist().orElse("a condition leaves it out"));
    } else {
      ctx.report(r, r.header(), "no-filter", what + "no metric filter has the CIS pattern "
          + "(a pattern that drops a term or joins the terms with || does not count)");
    }
  }
}
