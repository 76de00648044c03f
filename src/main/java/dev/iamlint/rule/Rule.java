package dev.iamlint.rule;

/**
 * A check over the common model. Implementations are small and read like their documentation:
 * what they look at, when they report, what they say. A rule never reports a certain finding
 * on a value it could not resolve.
 */
public interface Rule {

  /** The rule id, e.g. {@code ADM001}; its metadata is {@code rules/<id>.yaml}. */
  String id();

  void check(RuleContext context);

  /**
   * Whether this rule takes far longer than the others (it weighs every principal's policies
   * together): the scan starts it first, so that the others run beside it instead of after it.
   */
  default boolean heavy() {
    return false;
  }
}
