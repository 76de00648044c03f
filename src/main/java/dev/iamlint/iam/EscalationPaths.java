package dev.iamlint.iam;

import dev.iamlint.model.PrincipalKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The published privilege-escalation methods as data: each path is a set of actions that together
 * let a principal gain more privilege. Read from {@code escalation-paths.yaml}, written by hand.
 */
public final class EscalationPaths {
  /**
   * {@code actions} are exact catalogue ids such as {@code iam:PassRole}, all needed together;
   * {@code subjects} the kinds of principal the path is open to (empty: any); {@code passedTo}
   * the service principals the path hands a role to (lower case), which an
   * {@code iam:PassedToService} condition naming one of them leaves open (empty: not known, such
   * a condition closes the path); {@code liftsBoundary}: the path only removes or replaces the
   * principal's own permissions boundary, which gains nothing to a principal that has none.
   */
  public record Path(String id, String description, List<String> actions, String reference, Set<PrincipalKind> subjects,
      List<String> keys, Set<String> passedTo, boolean liftsBoundary) {
    public Path {
      actions = List.copyOf(actions);
      subjects = Set.copyOf(subjects);
      keys = List.copyOf(keys);
      passedTo = Set.copyOf(passedTo);
    }

    /** {@code keys}: the actions in lower case, as grants are keyed (looked up for every principal). */
    public Path(String id, String description, List<String> actions, String reference, Set<PrincipalKind> subjects,
        Set<String> passedTo, boolean liftsBoundary) {
      this(id, description, actions, reference, subjects, actions.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList(),
          passedTo, liftsBoundary);
    }

    public Path(String id, String description, List<String> actions, String reference) {
      this(id, description, actions, reference, Set.of(), Set.of(), false);
    }

    /** Whether a principal of this kind can take the path (a policy whose holder is not known: any). */
    public boolean opensTo(Optional<PrincipalKind> kind) {
      return subjects.isEmpty() || kind.map(subjects::contains).orElse(true);
    }
  }

  private static final String FILE = ActionCatalog.FOLDER + "escalation-paths.yaml";
  /**
   * The paths as the build read them ({@code process-classes}): parsing the YAML in a fresh JVM
   * was a tenth of a small scan. The bundle names the YAML it was made from by its CRC-32 and is
   * ignored when that differs (classes run from an IDE without the build step read the YAML).
   */
  static final String BUNDLE = ActionCatalog.FOLDER + "escalation-paths.bin";
  private static final int MAGIC = 0x49414d45; // "IAME"
  private static final int FORMAT = 2;
  private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");
  private static final Pattern TARGET = Pattern.compile("[a-z0-9-]+:[a-z0-9-]+");
  private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+\\.amazonaws\\.com");

  private static final class Holder {
    static final EscalationPaths BUNDLED = load();
  }

  private final List<Path> all;
  private final Map<String, Set<String>> targets;

  private EscalationPaths(List<Path> all, Map<String, Set<String>> targets) {
    this.all = List.copyOf(all);
    this.targets = Map.copyOf(targets);
  }

  /** The paths in the jar, read on first use. */
  public static EscalationPaths bundled() {
    return Holder.BUNDLED;
  }

  /** Every path, in file order. */
  public List<Path> all() {
    return all;
  }

  /**
   * The resource types (ARN {@code service:type}, lower case) through which an action (lower case)
   * reaches what a path abuses; empty when any resource the action takes will do.
   * {@code ssm:StartSession} also takes SSM documents, but a session opens on an instance.
   */
  public Set<String> targets(String action) {
    return targets.getOrDefault(action, Set.of());
  }

  private static EscalationPaths load() {
    byte[] yaml = resource(FILE).orElseThrow(() -> new IllegalStateException("missing resource " + FILE));
    return resource(BUNDLE).flatMap(b -> read(b, crc(yaml))).orElseGet(() -> parse(yaml));
  }

  /** Writes the bundle of the YAML on the class path into {@code args[0]} (classes/). */
  public static void main(String[] args) throws IOException {
    byte[] yaml = resource(FILE).orElseThrow(() -> new IllegalStateException("missing resource " + FILE));
    var file = Paths.get(args[0]).resolve(BUNDLE.substring(1));
    Files.write(file, write(parse(yaml), crc(yaml)));
  }

  static byte[] write(EscalationPaths paths, long crc) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    out.writeLong(crc);
    out.writeInt(paths.all.size());
    for (Path p : paths.all) {
      out.writeUTF(p.id());
      out.writeUTF(p.description());
      texts(out, p.actions());
      out.writeUTF(p.reference());
      texts(out, p.subjects().stream().map(Enum::name).sorted().toList());
      texts(out, p.passedTo().stream().sorted().toList());
      out.writeBoolean(p.liftsBoundary());
    }
    out.writeInt(paths.targets.size());
    for (Map.Entry<String, Set<String>> e : new TreeMap<>(paths.targets).entrySet()) {
      out.writeUTF(e.getKey());
      texts(out, e.getValue().stream().sorted().toList());
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** The paths of a bundle made from the YAML whose CRC-32 is {@code crc}; empty for any other. */
  static Optional<EscalationPaths> read(byte[] bundle, long crc) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bundle));
      if (in.readInt() != MAGIC || in.readInt() != FORMAT || in.readLong() != crc) return Optional.empty();
      int count = in.readInt();
      List<Path> paths = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String id = in.readUTF();
        String description = in.readUTF();
        List<String> actions = texts(in);
        String reference = in.readUTF();
        Set<PrincipalKind> subjects = new HashSet<>();
        for (String k : texts(in)) subjects.add(PrincipalKind.valueOf(k));
        Set<String> passedTo = new HashSet<>(texts(in));
        paths.add(new Path(id, description, actions, reference, subjects, passedTo, in.readBoolean()));
      }
      int targetCount = in.readInt();
      Map<String, Set<String>> targets = new HashMap<>();
      for (int i = 0; i < targetCount; i++) targets.put(in.readUTF(), Set.copyOf(texts(in)));
      return Optional.of(new EscalationPaths(paths, targets));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void texts(DataOutputStream out, List<String> texts) throws IOException {
    out.writeInt(texts.size());
    for (String t : texts) out.writeUTF(t);
  }

  private static List<String> texts(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> texts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) texts.add(in.readUTF());
    return texts;
  }

  private static Optional<byte[]> resource(String name) {
    try (InputStream in = EscalationPaths.class.getResourceAsStream(name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  static long crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  /** Reads and checks the YAML. */
  static EscalationPaths parse(byte[] yaml) {
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml, StandardCharsets.UTF_8));
    if (!(loaded instanceof Map<?, ?> root) || !(root.get("paths") instanceof List<?> items)) {
      throw new IllegalStateException(FILE + ": expected a map with a list 'paths'");
    }
    List<Path> paths = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> m)) throw new IllegalStateException(FILE + ": a path is not a map");
      String id = text(m, "id");
      if (!(m.get("actions") instanceof List<?> list) || list.isEmpty()) {
        throw new IllegalStateException(FILE + ": path " + id + " lists no actions");
      }
      List<String> actions = new ArrayList<>();
      for (Object a : list) {
        if (!(a instanceof String s) || !ACTION.matcher(s).matches()) {
          throw new IllegalStateException(FILE + ": path " + id + " has an invalid action " + a);
        }
        actions.add(s);
      }
      String reference = text(m, "reference");
      if (!reference.startsWith("https://")) throw new IllegalStateException(FILE + ": path " + id + " reference");
      if (!ids.add(id)) throw new IllegalStateException(FILE + ": duplicate path " + id);
      Set<PrincipalKind> subjects = new HashSet<>();
      if (m.get("subjects") instanceof List<?> kinds) {
        for (Object k : kinds) subjects.add(PrincipalKind.valueOf(String.valueOf(k).toUpperCase(Locale.ROOT).replace('-', '_')));
      }
      Set<String> passedTo = new HashSet<>();
      if (m.get("passed_to") instanceof List<?> services) {
        if (!actions.contains("iam:PassRole")) throw new IllegalStateException(FILE + ": path " + id + " passes no role");
        for (Object service : services) {
          if (!(service instanceof String svc) || !SERVICE.matcher(svc).matches()) {
            throw new IllegalStateException(FILE + ": path " + id + " has an invalid passed_to " + service);
          }
          passedTo.add(svc);
        }
      }
      Object lifts = m.get("lifts_boundary");
      if (lifts != null && !(lifts instanceof Boolean)) throw new IllegalStateException(FILE + ": path " + id + " lifts_boundary");
      paths.add(new Path(id, text(m, "description"), actions, reference, subjects, passedTo, Boolean.TRUE.equals(lifts)));
    }
    Map<String, Set<String>> targets = new HashMap<>();
    if (root.get("targets") instanceof Map<?, ?> byAction) {
      for (Map.Entry<?, ?> e : byAction.entrySet()) {
        if (!(e.getKey() instanceof String action) || !ACTION.matcher(action).matches()
            || !(e.getValue() instanceof List<?> types) || types.isEmpty()) {
          throw new IllegalStateException(FILE + ": invalid targets entry " + e.getKey());
        }
        Set<String> lower = new HashSet<>();
        for (Object t : types) {
          if (!(t instanceof String type) || !TARGET.matcher(type).matches()) {
            throw new IllegalStateException(FILE + ": invalid target " + t + " of " + action);
          }
          lower.add(type.toLowerCase(Locale.ROOT));
        }
        targets.put(action.toLowerCase(Locale.ROOT), Set.copyOf(lower));
      }
    }
    return new EscalationPaths(paths, targets);
  }

  private static String text(Map<?, ?> m, String key) {
    if (!(m.get(key) instanceof String s) || s.isBlank()) {
      throw new IllegalStateException(FILE + ": a path lacks " + key + " " + m);
    }
    return s.strip();
  }
}
