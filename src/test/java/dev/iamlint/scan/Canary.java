package dev.iamlint.scan;

/** Would record its construction: a YAML tag naming it must never get it constructed. */
public final class Canary {
  static volatile boolean constructed;

  public Canary() {
    constructed = true;
  }

  public Canary(String ignored) {
    constructed = true;
  }
}
