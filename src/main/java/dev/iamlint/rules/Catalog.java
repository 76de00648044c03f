package dev.iamlint.rules;

import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleBundle;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.RuleMetadataLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata of every rule, tool rules included, loaded once: from the bundle the build makes
 * of {@code rules/*.yaml}, else from those files.
 */
public final class Catalog {
  private static final class Holder {
    static final Map<String, RuleMetadata> ALL = load();
  }

  private Catalog() {}

  private static Map<String, RuleMetadata> load() {
    List<String> ids = new ArrayList<>(Rules.TOOL_RULE_IDS);
    for (Rule r : Rules.all()) ids.add(r.id());
    Map<String, RuleMetadata> bundled = new HashMap<>();
    RuleBundle.bundled().ifPresent(b -> b.forEach(m -> bundled.put(m.id(), m)));
    List<RuleMetadata> all = new ArrayList<>();
    for (String id : ids) {
      RuleMetadata m = bundled.get(id);
      all.add(m != null ? m : RuleMetadataLoader.load(id));
    }
    all.sort(Comparator.comparing(RuleMetadata::id));
    Map<String, RuleMetadata> byId = new LinkedHashMap<>();
    for (RuleMetadata m : all) byId.put(m.id(), m);
    return byId;
  }

  public static List<RuleMetadata> all() {
    return List.copyOf(Holder.ALL.values());
  }

  public static RuleMetadata get(String id) {
    RuleMetadata m = Holder.ALL.get(id);
    if (m == null) throw new IllegalArgumentException("unknown rule " + id);
    return m;
  }

  /** By id or slug, case-insensitively. */
  public static Optional<RuleMetadata> find(String idOrSlug) {
    String wanted = idOrSlug.trim();
    for (RuleMetadata m : Holder.ALL.values()) {
      if (m.id().equalsIgnoreCase(wanted) || m.slug().equalsIgnoreCase(wanted.toLowerCase(Locale.ROOT))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
