package dev.iamlint.cloudformation;

import dev.iamlint.model.UnreadPart;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Value;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A loaded template: its sections by name, with the nodes as written. */
public final class Template {

  /** One declared parameter. */
  public record Parameter(String name, MapNode.Entry declaration, Optional<Node> defaultValue, boolean noEcho,
      String type) {}

  /** One declared resource. {@code properties} is empty when the resource has none. */
  public record Resource(String logicalId, String type, MapNode.Entry declaration, MapNode properties,
      Optional<MapNode> metadata) {
    public String address() {
      return "Resources." + logicalId;
    }
  }

  private final String file;
  private final String source;
  private final MapNode root;
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final Map<String, Resource> resources = new LinkedHashMap<>();
  private final Map<String, Node> conditions = new LinkedHashMap<>();
  private final Optional<MapNode> mappings;
  private final Optional<MapNode> globals;
  /** The template as written, before its language extensions were expanded; this one when it has none. */
  private final Template written;
  private final List<UnreadPart> unexpanded;
  private final List<Budget.Note> expansionLimits;
  /** The nodes that replaced a {@code Ref} to a loop identifier, with the item's value. */
  private final Map<Node, Value> loopItems;

  private Template(String file, MapNode root, String source) {
    this(file, root, source, null, List.of(), List.of(), Map.of());
  }

  private Template(String file, MapNode root, String source, Template written, List<UnreadPart> unexpanded,
      List<Budget.Note> expansionLimits, Map<Node, Value> loopItems) {
    this.written = written == null ? this : written;
    this.unexpanded = List.copyOf(unexpanded);
    this.expansionLimits = List.copyOf(expansionLimits);
    this.loopItems = loopItems.isEmpty() ? Map.of() : new IdentityHashMap<>(loopItems);
    this.file = file;
    this.source = source;
    this.root = root;
    root.map("Parameters").ifPresent(section -> section.entries().forEach(e -> {
      MapNode decl = e.value() instanceof MapNode m ? m : new MapNode(List.of(), e.value().location());
      String type = decl.get("Type").filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text()).orElse("String");
      boolean noEcho = decl.get("NoEcho").filter(ScalarNode.class::isInstance)
          .map(n -> ((ScalarNode) n).text().equalsIgnoreCase("true")).orElse(false);
      parameters.put(e.name(), new Parameter(e.name(), e, decl.get("Default"), noEcho, type));
    }));
    root.map("Resources").ifPresent(section -> section.entries().forEach(e -> {
      if (!(e.value() instanceof MapNode decl)) return;
      String type = decl.get("Type").filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text()).orElse("");
      MapNode props = decl.map("Properties").orElse(new MapNode(List.of(), e.key().location()));
      resources.put(e.name(), new Resource(e.name(), type, e, props, decl.map("Metadata")));
    }));
    root.map("Conditions").ifPresent(section -> section.entries().forEach(e -> conditions.put(e.name(), e.value())));
    this.mappings = root.map("Mappings");
    this.globals = root.map("Globals");
  }

  /**
   * The template in {@code root}, when it is one: a map with {@code AWSTemplateFormatVersion},
   * or with a {@code Resources} map whose entries have an {@code AWS::} type.
   */
  public static Optional<Template> of(String file, Node root) {
    return of(file, root, "");
  }

  /** The same, with the text it was read from: strings that hold JSON are then located inside. */
  public static Optional<Template> of(String file, Node root, String source) {
    if (!(root instanceof MapNode map)) return Optional.empty();
    boolean versioned = map.get("AWSTemplateFormatVersion").isPresent();
    boolean awsResources = map.map("Resources").map(r -> r.entries().stream().anyMatch(e ->
        e.value() instanceof MapNode m && m.get("Type").filter(ScalarNode.class::isInstance)
            .map(t -> ((ScalarNode) t).text().startsWith("AWS::")).orElse(false)
        || e.name().startsWith(LanguageExtensions.LOOP))).orElse(false);
    return versioned || awsResources ? Optional.of(new Template(file, map, source)) : Optional.empty();
  }

  /** A template another front end compiled (a Serverless Framework service): {@code root} is its CloudFormation. */
  static Template compiled(String file, MapNode root, String source) {
    return new Template(file, root, source);
  }

  /** This template with its loops expanded into {@code root} (see {@link LanguageExtensions}). */
  Template expanded(MapNode root, List<UnreadPart> unexpanded, List<Budget.Note> limits, Map<Node, Value> loopItems) {
    return new Template(file, root, source, written, unexpanded, limits, loopItems);
  }

  /** The template as written: before the language extensions were expanded. */
  public Template written() {
    return written;
  }

  /** The loops of the language extensions that could not be expanded, and why. */
  public List<UnreadPart> unexpandedLoops() {
    return unexpanded;
  }

  /** Where expanding the loops reached a limit. */
  public List<Budget.Note> expansionLimits() {
    return expansionLimits;
  }

  /** The value of a loop item that replaced a {@code Ref} to its identifier at {@code node}, if it is one. */
  Optional<Value> loopItem(Node node) {
    return loopItems.isEmpty() ? Optional.empty() : Optional.ofNullable(loopItems.get(node));
  }

  public String file() {
    return file;
  }

  /** The text the template was read from; empty when it is not known. */
  public String source() {
    return source;
  }

  public MapNode root() {
    return root;
  }

  public Map<String, Parameter> parameters() {
    return parameters;
  }

  public Map<String, Resource> resources() {
    return resources;
  }

  public Map<String, Node> conditions() {
    return conditions;
  }

  public Optional<MapNode> mappings() {
    return mappings;
  }

  public Optional<MapNode> globals() {
    return globals;
  }

  public boolean isSam() {
    return root.get("Transform").map(t -> t.toString().contains("AWS::Serverless")).orElse(false);
  }
}
