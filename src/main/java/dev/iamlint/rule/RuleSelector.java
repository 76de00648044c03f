package dev.iamlint.rule;

import java.util.List;
import java.util.Locale;

/**
 * Which rules a run reports, from {@code --rule} and {@code --skip-rule}: each pattern is an
 * id, a slug, or a prefix ({@code CT}, {@code PWD00*}).
 */
public record RuleSelector(List<String> include, List<String> exclude) {
  public static final RuleSelector ALL = new RuleSelector(List.of(), List.of());

  public RuleSelector {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  public boolean selects(RuleMetadata rule) {
    if (!include.isEmpty() && include.stream().noneMatch(p -> matches(p, rule))) return false;
    return exclude.stream().noneMatch(p -> matches(p, rule));
  }

  /** Named by --skip-rule. */
  public boolean skips(RuleMetadata rule) {
    return exclude.stream().anyMatch(p -> matches(p, rule));
  }

  static boolean matches(String pattern, RuleMetadata rule) {
    String p = pattern.trim();
    if (p.equalsIgnoreCase(rule.slug())) return true;
    String id = rule.id().toUpperCase(Locale.ROOT);
    String upper = p.toUpperCase(Locale.ROOT);
    if (upper.endsWith("*")) return id.startsWith(upper.substring(0, upper.length() - 1));
    return id.equals(upper) || (!upper.isEmpty() && upper.chars().allMatch(Character::isLetter) && id.startsWith(upper)
        && Character.isDigit(id.charAt(upper.length())));
  }
}
