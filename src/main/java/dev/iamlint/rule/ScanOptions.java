package dev.iamlint.rule;

/**
 * Project-wide facts rules may depend on. {@code accountBaseline}: the scan describes an
 * account baseline (project-level rules apply); {@code externalCloudTrail}: an organization
 * trail is managed elsewhere.
 */
public record ScanOptions(boolean accountBaseline, boolean externalCloudTrail) {
  public static final ScanOptions DEFAULT = new ScanOptions(false, false);
}
