package dev.iamlint.rules;

import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleBundle;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.RuleMetadataLoader;
import dev.iamlint.rule.RuleSummary;
import java.util.ArrayList;
import java.util.Comparator;
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

  /**
   * The bundle holds the metadata of exactly the implemented rules (CatalogTest checks): reading
   * it is enough, and creating every rule only to ask its id cost a fifth of {@code iamlint rules}.
   * Without a bundle (a build step skipped) the rules name the files to read.
   */
  private static Map<String, RuleMetadata> load() {
    List<RuleMetadata> all = RuleBundle.bundled().<List<RuleMetadata>>map(ArrayList::new).orElseGet(() -> {
      List<RuleMetadata> read = new ArrayList<>();
      for (String id : implementedIds()) read.add(RuleMetadataLoader.load(id));
      return read;
    });
    all.sort(Comparator.comparing(RuleMetadata::id));
    Map<String, RuleMetadata> byId = new LinkedHashMap<>();
    for (RuleMetadata m : all) byId.put(m.id(), m);
    return byId;
  }

  /** The ids of the tool rules and of every rule of {@link Rules#all()}. */
  static List<String> implementedIds() {
    List<String> ids = new ArrayList<>(Rules.TOOL_RULE_IDS);
    for (Rule r : Rules.all()) ids.add(r.id());
    return ids;
  }

  /**
   * Each rule's id, slug, title, severity, category and formats, in id order, read from the head
   * of the bundle alone: a listing of the rules decoded 300 KB of documentation it does not show.
   * Without a bundle, taken from the whole catalogue.
   */
  public static List<RuleSummary> summaries() {
    Optional<List<RuleSummary>> bundled = RuleBundle.bundledSummaries();
    if (bundled.isEmpty()) return all().stream().map(RuleSummary::of).toList();
    List<RuleSummary> sorted = new ArrayList<>(bundled.get());
    sorted.sort(Comparator.comparing(RuleSummary::id));
    return List.copyOf(sorted);
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
