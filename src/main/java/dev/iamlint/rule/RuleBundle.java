package dev.iamlint.rule;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The rule metadata of {@code rules/*.yaml} in one compact resource, written by the build
 * ({@code process-classes}) from those same files: every run needs the catalogue, and parsing
 * 300 KB of YAML in a JVM that has just started cost more than the rest of a small scan.
 * {@link #bundled()} is empty when the resource is absent (classes run from an IDE without the
 * build step): the YAML is then read as before.
 */
public final class RuleBundle {
  private RuleBundle() {}

  static final String RESOURCE = "/dev/iamlint/rules.bin";
  private static final int MAGIC = 0x49414d52; // "IAMR"
  /** 2: every rule's summary first, then the rest of each, so a listing reads only the summaries. */
  private static final int FORMAT = 2;

  /** Writes the bundle of every {@code *.yaml} in {@code args[0]} (rules/) to {@code args[1]} (classes/). */
  public static void main(String[] args) throws IOException {
    Path rules = Path.of(args[0]);
    Path out = Path.of(args[1]).resolve(RESOURCE.substring(1));
    List<RuleMetadata> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(rules)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(f, StandardCharsets.UTF_8));
        if (!(loaded instanceof Map<?, ?> map)) throw new IllegalStateException(f + " is not a map");
        all.add(RuleMetadataLoader.fromMap("rules/" + f.getFileName(), map));
      }
    }
    Files.createDirectories(out.getParent());
    try (OutputStream o = Files.newOutputStream(out)) {
      write(all, o);
    }
  }

  /** The bundle on the class path, or empty. */
  public static Optional<List<RuleMetadata>> bundled() {
    try (InputStream in = RuleBundle.class.getResourceAsStream(RESOURCE)) {
      return in == null ? Optional.empty() : Optional.of(read(in));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  static void write(List<RuleMetadata> rules, OutputStream target) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    out.writeInt(rules.size());
    for (RuleMetadata m : rules) {
      for (String s : List.of(m.id(), m.slug(), m.title(), m.severity().name(), m.category())) text(out, s);
      texts(out, m.formats());
    }
    for (RuleMetadata m : rules) {
      for (String s : List.of(m.description(), m.rationale(), m.remediation())) text(out, s);
      texts(out, m.references());
      texts(out, m.peers());
      out.writeInt(m.examples().size());
      for (RuleMetadata.Example e : m.examples()) {
        text(out, e.title());
        out.writeBoolean(e.compliant());
        text(out, e.format());
        text(out, e.code());
        out.writeBoolean(e.baseline());
      }
      out.writeInt(m.parameters().size());
      for (RuleMetadata.Parameter p : m.parameters()) {
        for (String s : List.of(p.name(), p.type(), p.defaultValue(), p.description())) text(out, s);
      }
    }
    out.flush();
    target.write(bytes.toByteArray());
  }

  /** The summaries in the bundle on the class path, or empty: what a listing of the rules shows. */
  public static Optional<List<RuleSummary>> bundledSummaries() {
    try (InputStream in = RuleBundle.class.getResourceAsStream(RESOURCE)) {
      return in == null ? Optional.empty() : Optional.of(summaries(new DataInputStream(new BufferedInputStream(in, 1 << 14))));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private static List<RuleSummary> summaries(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC || in.readInt() != FORMAT) throw new IOException("not a rule bundle of this version");
    int count = in.readInt();
    List<RuleSummary> summaries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      summaries.add(new RuleSummary(text(in), text(in), text(in), Severity.valueOf(text(in)), text(in), texts(in)));
    }
    return summaries;
  }

  static List<RuleMetadata> read(InputStream source) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(source, 1 << 16));
    List<RuleSummary> summaries = summaries(in);
    List<RuleMetadata> rules = new ArrayList<>(summaries.size());
    for (RuleSummary s : summaries) {
      String description = text(in);
      String rationale = text(in);
      String remediation = text(in);
      List<String> references = texts(in);
      List<String> peers = texts(in);
      int examples = in.readInt();
      List<RuleMetadata.Example> ex = new ArrayList<>(examples);
      for (int j = 0; j < examples; j++) {
        ex.add(new RuleMetadata.Example(text(in), in.readBoolean(), text(in), text(in), in.readBoolean()));
      }
      int parameters = in.readInt();
      List<RuleMetadata.Parameter> ps = new ArrayList<>(parameters);
      for (int j = 0; j < parameters; j++) ps.add(new RuleMetadata.Parameter(text(in), text(in), text(in), text(in)));
      rules.add(new RuleMetadata(s.id(), s.slug(), s.title(), s.severity(), s.category(), s.formats(), description, rationale,
          remediation, references, peers, ex, ps));
    }
    return rules;
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static void texts(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) text(out, s);
  }

  private static String text(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static List<String> texts(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(text(in));
    return out;
  }
}
