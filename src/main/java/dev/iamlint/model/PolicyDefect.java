package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Provenance;

/**
 * Something in a policy document that AWS rejects at deploy, located at the offending element.
 * {@code problem} reads as a clause ("Effect \"allow\" is neither \"Allow\" nor \"Deny\" ...");
 * {@code key} identifies it within its document for fingerprints. {@code certain} is false when
 * the defect is only in one branch of a choice that cannot be decided (a condition on an
 * unknown input): the document is rejected only when that branch is taken.
 */
public record PolicyDefect(Location location, String problem, String key, Provenance provenance, boolean certain) {

  /** Text given as a policy document that is not JSON: where the parser stopped and why. */
  public static PolicyDefect notJson(Location at, String parserMessage, Provenance provenance, boolean certain) {
    return new PolicyDefect(at, "the text is not valid JSON (" + parserMessage + ")", "json", provenance, certain);
  }
}
