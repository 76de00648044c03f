package dev.iamlint.rule;

import dev.iamlint.source.Location;
import java.util.Optional;

/**
 * Why a finding is not counted: an {@code inline} comment, CloudFormation {@code metadata}, a
 * {@code config} ignore entry or the {@code baseline}; the reason given and where it is written.
 */
public record Suppression(Kind kind, String reason, Optional<Location> at) {
  public enum Kind {
    INLINE("inline"), METADATA("metadata"), CONFIG("config"), BASELINE("baseline");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
