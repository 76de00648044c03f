package dev.iamlint.fuzz;

import dev.iamlint.model.IamModel;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rules.Catalog;
import dev.iamlint.rules.Rules;
import java.util.Map;

/** What every fuzz target ends with: the model it built, checked by every rule, as a scan would. */
public final class Judges {
  private Judges() {}

  /** Project-level rules and the undecided notes included: the most code a model can reach. */
  private static final ScanOptions OPTIONS = new ScanOptions(true, false, true, Map.of());

  public static void all(ModelBuilder model) {
    IamModel built = model.build();
    for (Rule rule : Rules.all()) {
      RuleContext context = new RuleContext(built, OPTIONS, Catalog.get(rule.id()));
      rule.check(context);
      context.findings().forEach(f -> f.fingerprint());
    }
  }
}
