package dev.iamlint.rule;

import dev.iamlint.model.ResourceRef;
import dev.iamlint.source.Location;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One reported problem. {@code detail} distinguishes several findings of one rule on one
 * resource (the policy ARN, the statement, the flag) and feeds the fingerprint, which
 * deliberately leaves out line numbers so it survives unrelated edits. {@code suppression} is
 * set on a finding that a suppression or the baseline hides (shown only with --show-suppressed).
 * {@code projectFile} is the resource's file relative to the project root, which the fingerprint
 * uses so that it does not change with the working directory (empty: the file as shown).
 */
public record Finding(String ruleId, String slug, Severity severity, String message, Location location,
    ResourceRef resource, List<Related> related, String detail, Optional<Suppression> suppression,
    Optional<String> projectFile) {

  public Finding {
    related = List.copyOf(related);
  }

  public Finding(String ruleId, String slug, Severity severity, String message, Location location,
      ResourceRef resource, List<Related> related, String detail, Optional<Suppression> suppression) {
    this(ruleId, slug, severity, message, location, resource, related, detail, suppression, Optional.empty());
  }

  public Finding(String ruleId, String slug, Severity severity, String message, Location location,
      ResourceRef resource, List<Related> related, String detail) {
    this(ruleId, slug, severity, message, location, resource, related, detail, Optional.empty());
  }

  /** The same finding with a longer {@code detail}: it tells apart findings that would share a fingerprint. */
  public Finding withDetail(String more) {
    return new Finding(ruleId, slug, severity, message, location, resource, related, detail + more, suppression, projectFile);
  }

  /** The same finding, suppressed for {@code why}. */
  public Finding suppressed(Suppression why) {
    return new Finding(ruleId, slug, severity, message, location, resource, related, detail, Optional.of(why),
        projectFile);
  }

  /** The same finding, its resource's file being {@code file} relative to the project root. */
  public Finding inProject(String file) {
    return new Finding(ruleId, slug, severity, message, location, resource, related, detail, suppression,
        Optional.of(file));
  }

  public boolean isSuppressed() {
    return suppression.isPresent();
  }

  public String fingerprint() {
    String key = ruleId + "\u0000" + projectFile.orElse(resource.file()) + "\u0000" + resource.address() + "\u0000" + detail;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
