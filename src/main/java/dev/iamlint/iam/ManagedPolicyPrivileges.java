package dev.iamlint.iam;

import dev.iamlint.source.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What makes each AWS managed policy privileged ({@link Grants#privileged}), decided by the build
 * ({@code process-classes}) for every bundled policy and kept as a resource: the answer depends on
 * bundled data only (the policy's document, the action catalogue, the escalation paths), and
 * working it out for a policy such as ReadOnlyAccess, which names most of AWS's 22,000 actions,
 * was a tenth of a small scan. Without the resource (classes run from an IDE without the build
 * step) each policy is judged when first asked for, as before.
 */
public final class ManagedPolicyPrivileges {
  static final String RESOURCE = "/dev/iamlint/iam/managed-policy-privileges.tsv";
  /** The first line: the catalogue the table was made from; another catalogue ignores the table. */
  private static final String HEADER = "# iamlint managed-policy privileges of ";

  private static final class Holder {
    static final Optional<Map<String, String>> TABLE = read();
  }

  private static final Map<String, Optional<String>> JUDGED = new ConcurrentHashMap<>();

  private ManagedPolicyPrivileges() {}

  /**
   * What the AWS managed policy {@code name} grants that makes it privileged, in words; empty when
   * it is not privileged or not a bundled policy.
   */
  public static Optional<String> of(String name) {
    if (ManagedPolicyCatalog.bundled().byName(name).isEmpty()) return Optional.empty();
    return Holder.TABLE.map(t -> Optional.ofNullable(t.get(name))).orElseGet(() -> JUDGED.computeIfAbsent(name,
        ManagedPolicyPrivileges::judge));
  }

  static Optional<String> judge(String name) {
    return ManagedPolicyDocuments.document(name, new Location("", 1, 1, 1, 1)).flatMap(Grants::privileged);
  }

  /** Writes the table of every bundled policy to {@code args[0]} (classes/). */
  public static void main(String[] args) throws IOException {
    Map<String, String> table = new TreeMap<>();
    for (String name : ManagedPolicyCatalog.bundled().names()) {
      Optional<String> reason = judge(name);
      if (reason.isEmpty()) continue;
      if (reason.get().contains("\t") || reason.get().contains("\n")) {
        throw new IllegalStateException(name + ": the reason holds a tab or a line break: " + reason.get());
      }
      table.put(name, reason.get());
    }
    StringBuilder out = new StringBuilder(HEADER).append(ManagedPolicyCatalog.bundled().source()).append(" and ")
        .append(ActionCatalog.bundled().source()).append('\n');
    table.forEach((name, reason) -> out.append(name).append('\t').append(reason).append('\n'));
    Path file = Path.of(args[0]).resolve(RESOURCE.substring(1));
    Files.createDirectories(file.getParent());
    Files.writeString(file, out, StandardCharsets.UTF_8);
  }

  private static Optional<Map<String, String>> read() {
    try (InputStream in = ManagedPolicyPrivileges.class.getResourceAsStream(RESOURCE)) {
      if (in == null) return Optional.empty();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int newline = text.indexOf('\n');
      String expected = HEADER + ManagedPolicyCatalog.bundled().source() + " and " + ActionCatalog.bundled().source();
      if (newline < 0 || !text.substring(0, newline).equals(expected)) return Optional.empty();
      Map<String, String> table = new HashMap<>();
      for (int at = newline + 1; at < text.length();) {
        int end = text.indexOf('\n', at);
        int tab = text.indexOf('\t', at);
        if (end < 0 || tab < 0 || tab > end) throw new IllegalStateException(RESOURCE + ": bad line at " + at);
        table.put(text.substring(at, tab), text.substring(tab + 1, end));
        at = end + 1;
      }
      return Optional.of(table);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
