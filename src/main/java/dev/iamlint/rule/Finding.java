package dev.iamlint.rule;

import dev.iamlint.model.ResourceRef;
import dev.iamlint.source.Location;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One reported problem. {@code detail} distinguishes several findings of one rule on one
 * resource (the policy ARN, the statement, the flag) and feeds the fingerprint, which
 * deliberately leaves out line numbers so it survives unrelated edits. {@code suppression} is
 * set on a finding that a suppression or the baseline hides (shown only with --show-suppressed).
 */
public record Finding(String ruleId, String slug, Severity severity, String message, Location location,
    ResourceRef resource, List<Related> related, String detail, java.util.Optional<Suppression> suppression) {

  public Finding {
    related = List.copyOf(related);
  }

  public Finding(String ruleId, String slug, Severity severity, String message, Location location,
      ResourceRef resource, List<Related> related, String detail) {
    this(ruleId, slug, severity, message, location, resource, related, detail, java.util.Optional.empty());
  }

  /** The same finding, suppressed for {@code why}. */
  public Finding suppressed(Suppression why) {
    return new Finding(ruleId, slug, severity, message, location, resource, related, detail, java.util.Optional.of(why));
  }

  public boolean isSuppressed() {
    return suppression.isPresent();
  }

  public String fingerprint() {
    String key = ruleId + "\u0000" + resource.file() + "\u0000" + resource.address() + "\u0000" + detail;
    // A module shared by several root modules (examples/a and examples/b calling ../..) gives the
    // same file and address in each: the deployment tells the findings apart.
    if (!insideItsDeployment(resource)) key += "\u0000" + resource.deployment();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static boolean insideItsDeployment(ResourceRef resource) {
    if (resource.deployment().equals(resource.file())) return true;
    java.nio.file.Path file = java.nio.file.Path.of(resource.file()).normalize();
    java.nio.file.Path deployment = java.nio.file.Path.of(resource.deployment()).normalize();
    if (deployment.toString().isEmpty()) return !file.isAbsolute() && !file.startsWith("..");
    return file.startsWith(deployment);
  }
}
