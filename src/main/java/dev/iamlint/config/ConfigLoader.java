package dev.iamlint.config;

import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.RuleSettings;
import dev.iamlint.rule.Severity;
import dev.iamlint.source.Location;
import dev.iamlint.source.SourceReader;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and validates {@code .iamlint.yaml}. Every mistake is an error that names the file, the
 * line and column, and the key: an unknown key, a value of the wrong type, an unknown rule or
 * rule setting, a bad severity, date, glob or regular expression. Nothing is silently ignored.
 */
public final class ConfigLoader {
  public static final String FILE_NAME = ".iamlint.yaml";
  private static final long MAX_BYTES = 1024 * 1024;
  private static final Set<String> TOP_KEYS = Set.of("account_baseline", "account_id", "cloudtrail", "fail_on", "min_severity",
      "report_unknown", "rules", "exclude", "ignore", "require_reason");
  private static final Set<String> IGNORE_KEYS = Set.of("rule", "path", "resource", "reason", "until");

  private final String file;
  private final List<RuleMetadata> catalogue;

  private ConfigLoader(String file, List<RuleMetadata> catalogue) {
    this.file = file;
    this.catalogue = catalogue;
  }

  /**
   * The nearest {@code .iamlint.yaml} in {@code start} or a directory above it, stopping at the
   * repository root (a directory with {@code .git}).
   */
  public static Optional<Path> find(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) return Optional.of(candidate);
      if (Files.exists(dir.resolve(".git"))) return Optional.empty();
    }
    return Optional.empty();
  }

  /** Reads {@code path}; {@code display} is how messages name it. */
  public static Config load(Path path, String display, List<RuleMetadata> catalogue) throws ConfigException {
    SourceReader.Outcome read = SourceReader.UNCONFINED.read(path, SourceReader.Encoding.UNICODE, MAX_BYTES);
    if (read instanceof SourceReader.Refused refused) throw new ConfigException(display + ": " + refused.reason());
    return parse(path, display, ((SourceReader.Text) read).text(), catalogue);
  }

  static Config parse(Path path, String display, String text, List<RuleMetadata> catalogue) throws ConfigException {
    ConfigLoader loader = new ConfigLoader(display, catalogue);
    ParseResult parsed = YamlLoader.parse(display, text);
    if (parsed instanceof ParseResult.Failed f) throw loader.error(f.location(), "not valid YAML: " + f.message());
    Node root = ((ParseResult.Parsed) parsed).root();
    if (root instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) {
      return new Config(Optional.of(path), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Map.of(), List.of(), List.of(), true, Optional.empty());
    }
    return loader.config(path, root);
  }

  private Config config(Path path, Node root) throws ConfigException {
    MapNode map = map(root, "the config");
    for (MapNode.Entry e : map.entries()) {
      if (!TOP_KEYS.contains(e.name())) throw unknownKey(e, "", TOP_KEYS);
    }
    Optional<Boolean> baseline = optional(map, "account_baseline", n -> bool(n, "account_baseline"));
    Optional<Boolean> external = optional(map, "cloudtrail", n -> {
      String v = string(n, "cloudtrail");
      if (!v.equals("project") && !v.equals("external")) throw error(n.location(), "'cloudtrail' must be project or external, not '" + v + "'");
      return v.equals("external");
    });
    Optional<String> accountId = optional(map, "account_id", n -> {
      String v = string(n, "account_id");
      if (!v.matches("\\d{12}")) throw error(n.location(), "'account_id' must be a 12-digit AWS account id, not '" + v + "'");
      return v;
    });
    Optional<Severity> failOn = optional(map, "fail_on", n -> severity(n, "fail_on"));
    Optional<Severity> minSeverity = optional(map, "min_severity", n -> severity(n, "min_severity"));
    Optional<Boolean> reportUnknown = optional(map, "report_unknown", n -> bool(n, "report_unknown"));
    boolean requireReason = optional(map, "require_reason", n -> bool(n, "require_reason")).orElse(true);
    Map<String, RuleSettings> rules = optional(map, "rules", this::rules).orElse(Map.of());
    List<String> exclude = optional(map, "exclude", n -> globs(n, "exclude")).orElse(List.of());
    List<Ignore> ignore = optional(map, "ignore", this::ignores).orElse(List.of());
    return new Config(Optional.of(path), baseline, external, failOn, minSeverity, reportUnknown, rules, exclude, ignore,
        requireReason, accountId);
  }

  private Map<String, RuleSettings> rules(Node node) throws ConfigException {
    Map<String, RuleSettings> out = new LinkedHashMap<>();
    for (MapNode.Entry e : map(node, "'rules'").entries()) {
      RuleMetadata rule = rule(e.key(), "rules");
      MapNode settings = map(e.value(), "'rules." + e.name() + "'");
      Optional<Boolean> enabled = Optional.empty();
      Optional<Severity> severity = Optional.empty();
      Map<String, Object> parameters = new LinkedHashMap<>();
      for (MapNode.Entry s : settings.entries()) {
        String key = "rules." + e.name() + "." + s.name();
        if (s.name().equals("enabled")) {
          enabled = Optional.of(bool(s.value(), key));
          continue;
        }
        if (s.name().equals("severity")) {
          severity = Optional.of(severity(s.value(), key));
          continue;
        }
        Optional<RuleMetadata.Parameter> p = rule.parameters().stream().filter(x -> x.name().equals(s.name())).findFirst();
        if (p.isEmpty()) {
          Set<String> known = new TreeSet<>(Set.of("enabled", "severity"));
          rule.parameters().forEach(x -> known.add(x.name()));
          throw error(s.key().location(), "unknown key '" + key + "' (" + rule.id() + " takes " + String.join(", ", known) + ")");
        }
        parameters.put(s.name(), p.get().type().equals("integer") ? integer(s.value(), key) : patterns(s.value(), key));
      }
      if (out.put(rule.id(), new RuleSettings(enabled, severity, parameters)) != null) {
        throw error(e.key().location(), "rule " + rule.id() + " is configured twice under 'rules'");
      }
    }
    return out;
  }

  private List<Ignore> ignores(Node node) throws ConfigException {
    List<Ignore> out = new ArrayList<>();
    for (Node item : list(node, "ignore")) {
      MapNode entry = map(item, "an 'ignore' entry");
      for (MapNode.Entry e : entry.entries()) {
        if (!IGNORE_KEYS.contains(e.name())) throw unknownKey(e, "ignore[].", IGNORE_KEYS);
      }
      Node ruleNode = entry.get("rule").orElseThrow(() -> error(entry.location(), "an 'ignore' entry needs 'rule'"));
      List<String> rules = new ArrayList<>();
      for (String r : string(ruleNode, "ignore[].rule").split("[,\\s]+")) {
        if (r.isBlank()) continue;
        rule(new ScalarNode(r, ScalarNode.Kind.STRING, ruleNode.location()), "ignore[].rule");
        rules.add(r);
      }
      if (rules.isEmpty()) throw error(ruleNode.location(), "'ignore[].rule' names no rule");
      Optional<String> path = optional(entry, "path", n -> glob(n, "ignore[].path"));
      Optional<String> resource = optional(entry, "resource", n -> glob(n, "ignore[].resource"));
      Optional<String> reason = optional(entry, "reason", n -> string(n, "ignore[].reason")).filter(s -> !s.isBlank());
      Optional<String> until = optional(entry, "until", n -> {
        String v = string(n, "ignore[].until");
        try {
          LocalDate.parse(v);
        } catch (DateTimeParseException ex) {
          throw error(n.location(), "'ignore[].until' must be a date YYYY-MM-DD, not '" + v + "'");
        }
        return v;
      });
      out.add(new Ignore(rules, path, resource, reason, until, entry.location()));
    }
    return out;
  }

  // ---- typed values ----

  private interface Reader<T> {
    T read(Node n) throws ConfigException;
  }

  private static <T> Optional<T> optional(MapNode map, String key, Reader<T> reader) throws ConfigException {
    Optional<Node> n = map.get(key);
    return n.isPresent() ? Optional.of(reader.read(n.get())) : Optional.empty();
  }

  private RuleMetadata rule(ScalarNode key, String where) throws ConfigException {
    String id = key.text();
    return catalogue.stream().filter(m -> m.id().equalsIgnoreCase(id) || m.slug().equalsIgnoreCase(id)).findFirst()
        .orElseThrow(() -> error(key.location(), "unknown rule '" + id + "' in '" + where + "' (see 'iamlint rules')"));
  }

  private MapNode map(Node n, String what) throws ConfigException {
    if (!(n instanceof MapNode m)) throw error(n.location(), what + " must be a map of keys to values");
    Set<String> seen = new HashSet<>();
    for (MapNode.Entry e : m.entries()) {
      if (!seen.add(e.name())) throw error(e.key().location(), "duplicate key '" + e.name() + "' in " + what);
    }
    return m;
  }

  private List<Node> list(Node n, String key) throws ConfigException {
    if (n instanceof ListNode l) return l.items();
    throw error(n.location(), "'" + key + "' must be a list");
  }

  private boolean bool(Node n, String key) throws ConfigException {
    if (n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN) {
      // YAML 1.1 also spells booleans yes/no, on/off, y/n.
      String t = s.text().toLowerCase(Locale.ROOT);
      if (Set.of("true", "yes", "on", "y").contains(t)) return true;
      if (Set.of("false", "no", "off", "n").contains(t)) return false;
    }
    throw error(n.location(), "'" + key + "' must be true or false");
  }

  private String string(Node n, String key) throws ConfigException {
    if (n instanceof ScalarNode s && s.kind() != ScalarNode.Kind.NULL) return s.text();
    throw error(n.location(), "'" + key + "' must be a string");
  }

  private int integer(Node n, String key) throws ConfigException {
    if (n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NUMBER) {
      try {
        int v = Integer.parseInt(s.text());
        if (v >= 0) return v;
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw error(n.location(), "'" + key + "' must be a whole number of at least 0");
  }

  private Severity severity(Node n, String key) throws ConfigException {
    String v = string(n, key);
    return Severity.parse(v).orElseThrow(() -> error(n.location(),
        "'" + key + "' must be one of critical, high, medium, low, info, not '" + v + "'"));
  }

  private List<String> patterns(Node n, String key) throws ConfigException {
    List<String> out = new ArrayList<>();
    for (Node item : list(n, key)) {
      String p = string(item, key + "[]");
      try {
        Pattern.compile(p);
      } catch (PatternSyntaxException e) {
        throw error(item.location(), "'" + key + "' has an invalid regular expression: " + e.getDescription());
      }
      out.add(p);
    }
    return out;
  }

  private List<String> globs(Node n, String key) throws ConfigException {
    List<String> out = new ArrayList<>();
    for (Node item : list(n, key)) out.add(glob(item, key + "[]"));
    return out;
  }

  private String glob(Node n, String key) throws ConfigException {
    String g = string(n, key);
    if (g.isBlank()) throw error(n.location(), "'" + key + "' must not be empty");
    try {
      Globs.compile(g);
    } catch (IllegalArgumentException e) {
      throw error(n.location(), "'" + key + "' is not a valid glob: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return g;
  }

  private ConfigException unknownKey(MapNode.Entry e, String prefix, Set<String> known) {
    return error(e.key().location(), "unknown key '" + prefix + e.name() + "' (known: " + String.join(", ", new TreeSet<>(known)) + ")");
  }

  private ConfigException error(Location at, String message) {
    return new ConfigException(file + ":" + at.startLine() + ":" + at.startColumn() + ": " + message);
  }
}
