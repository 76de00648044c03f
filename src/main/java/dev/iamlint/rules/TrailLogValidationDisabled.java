package dev.iamlint.rules;

import dev.iamlint.model.Trail;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/** CT006: log file validation is off (missing means off), so tampering with logs goes unnoticed. */
public final class TrailLogValidationDisabled implements Rule {

  @Override
  public String id() {
    return "CT006";
  }

  @Override
  public void check(RuleContext ctx) {
    for (Trail t : ctx.model().trails()) {
      String what = "Trail " + t.resource().address();
      if (t.logFileValidation().isEmpty()) {
        ctx.report(t.resource(), t.resource().header(), "validation",
            what + " does not enable log file validation (" + t.resource().setting("EnableLogFileValidation",
                "enable_log_file_validation", "LogFileValidationEnabled") + " is not set; it is off by default): altered or deleted log files would go unnoticed");
      } else {
        t.logFileValidation().get().alternativeIs(false).or(() -> t.logFileValidation().get().alternativeAbsent()).ifPresentOrElse(v -> ctx.report(t.resource(), v.location(),
            "validation", what + " disables log file validation" + v.provenance().suffix()
                + ": altered or deleted log files would go unnoticed"),
            () -> ctx.undecided(t.resource(), t.logFileValidation().get(), "validation",
                "whether " + what + " validates its log files"));
      }
    }
  }
}
