package dev.iamlint.rule;

import java.util.List;

/** What a listing of the rules shows of one rule: the head of its {@link RuleMetadata}. */
public record RuleSummary(String id, String slug, String title, Severity severity, String category, List<String> formats) {
  public RuleSummary {
    formats = List.copyOf(formats);
  }

  public static RuleSummary of(RuleMetadata m) {
    return new RuleSummary(m.id(), m.slug(), m.title(), m.severity(), m.category(), m.formats());
  }
}
