package dev.iamlint.rule;

import java.util.Locale;
import java.util.Optional;

/** Finding severities, most severe first. */
public enum Severity {
  CRITICAL, HIGH, MEDIUM, LOW, INFO;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is at least as severe as {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  public static Optional<Severity> parse(String text) {
    for (Severity s : values()) {
      if (s.label().equalsIgnoreCase(text.trim())) return Optional.of(s);
    }
    return Optional.empty();
  }
}
