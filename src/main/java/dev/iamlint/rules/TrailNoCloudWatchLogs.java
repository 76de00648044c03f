package dev.iamlint.rules;

import dev.iamlint.model.Trail;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CT008: a trail that does not deliver to CloudWatch Logs, which needs both the log group ARN
 * and the role ARN. One finding per trail naming what is missing.
 */
public final class TrailNoCloudWatchLogs implements Rule {

  @Override
  public String id() {
    return "CT008";
  }

  @Override
  public void check(RuleContext ctx) {
    for (Trail t : ctx.model().trails()) {
      List<String> missing = new ArrayList<>();
      if (absent(t.cloudWatchLogGroup())) missing.add("the log group ARN");
      if (absent(t.cloudWatchRole())) missing.add("the role ARN");
      if (missing.isEmpty()) continue;
      ctx.report(t.resource(), t.resource().header(), "cloudwatch",
          "Trail " + t.resource().address() + " does not deliver to CloudWatch Logs: " + String.join(" and ", missing)
              + (missing.size() == 1 ? " is" : " are") + " missing, so no metric filter or alarm can watch its events");
    }
  }

  /** Missing, or empty or absent in some branch of a condition. */
  private static boolean absent(Optional<Value> v) {
    return v.isEmpty() || v.get().alternativeWhere(a -> a instanceof Value.Null || a.asText().map(String::isBlank).orElse(false))
        .isPresent();
  }
}
