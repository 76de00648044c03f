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
}
