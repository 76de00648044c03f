package dev.iamlint.cloudformation;

import dev.iamlint.model.UnreadPart;
import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loops of the {@code AWS::LanguageExtensions} transform, expanded as the transform expands
 * them before the stack is created: each {@code Fn::ForEach::Name: [Identifier, Collection,
 * {OutputKey: OutputValue}]} in {@code Resources}, {@code Outputs}, {@code Conditions} (and in
 * the maps inside them, resource properties included) becomes one entry per item of the
 * collection, with {@code ${Identifier}} (the item) and {@code &{Identifier}} (the item without
 * its non-alphanumeric characters) replaced in keys and strings, and {@code Ref: Identifier}
 * replaced by the item. Loops nest: an inner loop sees the identifiers of the outer ones.
 *
 * <p>The generated nodes keep the locations of the loop body they are copied from, so what is
 * found about a generated resource is located where its body is written, under the logical id
 * CloudFormation gives it ({@code Role${Name}} over {@code [Dev]} is {@code RoleDev}).
 *
 * <p>A collection that is not known (a parameter without default and without a given value, an
 * attribute known only at deploy) is not guessed: the loop stays as written, generates nothing,
 * and is an {@link UnreadPart} of the deployment, so that no absence is decided for it. So is a
 * loop past the limits: more than {@link #MAX_GENERATED} generated entries or
 * {@link #MAX_COPIED} copied nodes in one template, or in all the nested stacks one root stack
 * deploys together (CloudFormation itself allows 500 resources a stack),
 * which is also reported where the loop is written.
 */
public final class LanguageExtensions {
  static final String TRANSFORM = "AWS::LanguageExtensions";
  static final String LOOP = "Fn::ForEach::";
  /** Entries loops may generate in one template: twenty times what CloudFormation deploys. */
  static final int MAX_GENERATED = 10_000;
  /** Nodes the copies of loop bodies may hold in one template. */
  static final int MAX_COPIED = 1_000_000;

  private static final String UNKNOWN_COLLECTION = "whose collection is not known";

  /** The loops of {@code template} that generate nothing because their collection is not known. */
  public static List<UnreadPart> unknownCollections(Template template) {
    return template.unexpandedLoops().stream().filter(p -> p.what().contains(UNKNOWN_COLLECTION)).toList();
  }

  private static final List<String> SECTIONS = List.of("Conditions", "Resources", "Outputs");

  private final Evaluator collections;
  private final List<UnreadPart> unexpanded = new ArrayList<>();
  private final List<Budget.Note> limits = new ArrayList<>();
  private final Map<Node, Value> items = new IdentityHashMap<>();
  private final Allowance allowance;

  /**
   * What loops may still generate and copy: one template's, or shared by the nested stacks of one
   * root stack, so that a loop over nested stacks of a template with a loop stays within the limits.
   */
  static final class Allowance {
    private int generated;
    private int copied;
  }

  private LanguageExtensions(Evaluator collections, Allowance allowance) {
    this.collections = collections;
    this.allowance = allowance;
  }

  /** Whether the template declares the transform (alone or in a list of transforms). */
  public static boolean declared(Template template) {
    Optional<Node> transform = template.root().get("Transform");
    if (transform.isEmpty()) return false;
    List<Node> names = transform.get() instanceof ListNode l ? l.items() : List.of(transform.get());
    return names.stream().anyMatch(n -> n instanceof ScalarNode s && s.text().equals(TRANSFORM));
  }

  /**
   * {@code raw} with its loops expanded, collections evaluated with the scan's parameter values
   * (given values, else defaults); {@code raw} itself when it does not declare the transform.
   */
  public static Template expand(Template raw, Map<String, String> parameters, String partition) {
    if (!declared(raw)) return raw;
    return expand(raw, new Evaluator(raw, parameters, partition));
  }

  /** {@code raw} with its loops expanded, collections evaluated by {@code onRaw}, an evaluator of {@code raw}. */
  static Template expand(Template raw, Evaluator onRaw) {
    return expand(raw, onRaw, new Allowance());
  }

  /** The same, generating no more than what {@code allowance} has left. */
  static Template expand(Template raw, Evaluator onRaw, Allowance allowance) {
    if (!declared(raw)) return raw;
    LanguageExtensions expansion = new LanguageExtensions(onRaw, allowance);
    List<MapNode.Entry> sections = new ArrayList<>();
    for (MapNode.Entry e : raw.root().entries()) {
      boolean expanded = SECTIONS.contains(e.name()) && e.value() instanceof MapNode;
      sections.add(expanded ? new MapNode.Entry(e.key(), expansion.map((MapNode) e.value(), Map.of(), e.name())) : e);
    }
    List<Budget.Note> notes = new ArrayList<>(expansion.limits);
    notes.addAll(onRaw.limitsReached());
    return raw.expanded(new MapNode(sections, raw.root().location()), expansion.unexpanded, notes, expansion.items);
  }

  /** A limit of the expansion reached; {@code limit} says which. */
  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String limit;

    TooLarge(String limit) {
      super(limit, null, false, false);
      this.limit = limit;
    }

    String limit() {
      return limit;
    }
  }

  /** One identifier's item: its text, and its value (with where it came from) for a {@code Ref}. */
  private record Item(String text, Value value) {}

  /** A copy of {@code map} with {@code bound} identifiers replaced and its loops expanded; {@code path} names it. */
  private MapNode map(MapNode map, Map<String, Item> bound, String path) {
    List<MapNode.Entry> entries = new ArrayList<>();
    for (MapNode.Entry e : map.entries()) {
      if (e.name().startsWith(LOOP)) {
        entries.addAll(loop(e, bound, path));
      } else {
        ScalarNode key = (ScalarNode) copy(e.key(), bound, path);
        entries.add(new MapNode.Entry(key, copy(e.value(), bound, path + "." + key.text())));
      }
    }
    return new MapNode(entries, map.location());
  }

  private Node copy(Node node, Map<String, Item> bound, String path) {
    if (!bound.isEmpty() && ++allowance.copied > MAX_COPIED) {
      throw new TooLarge("copies of loop bodies of more than " + String.format("%,d", MAX_COPIED) + " nodes");
    }
    if (node instanceof ScalarNode s) {
      return s.isString() && !bound.isEmpty() ? new ScalarNode(replaced(s.text(), bound), s.kind(), s.location()) : s;
    }
    if (node instanceof ListNode l) {
      List<Node> out = new ArrayList<>();
      for (Node item : l.items()) out.add(copy(item, bound, path));
      return new ListNode(out, l.location());
    }
    MapNode m = (MapNode) node;
    if (m.entries().size() == 1 && m.entries().get(0).name().equals("Ref") && m.entries().get(0).value() instanceof ScalarNode name
        && bound.containsKey(name.text())) {
      Item item = bound.get(name.text());
      ScalarNode replacement = new ScalarNode(item.text(), ScalarNode.Kind.STRING, m.location());
      items.put(replacement, item.value().withOrigin(m.location(), Provenance.LITERAL));
      return replacement;
    }
    return map(m, bound, path);
  }

  /** The entries one loop generates, or the loop itself (with outer identifiers replaced) when it cannot be expanded. */
  private List<MapNode.Entry> loop(MapNode.Entry loop, Map<String, Item> bound, String path) {
    String name = path + "." + loop.name();
    if (!(loop.value() instanceof ListNode args) || args.items().size() != 3 || !(args.items().get(0) instanceof ScalarNode id)
        || !(args.items().get(2) instanceof MapNode body)) {
      return unexpanded(loop, bound, path, name + ": a malformed loop of the language extensions (not [Identifier, Collection, {Key: Value}])");
    }
    Node collectionNode = copy(args.items().get(1), bound, path);
    Value collection = collectionNode instanceof ScalarNode s && items.containsKey(s) ? items.get(s) : collections.eval(collectionNode);
    Optional<String> why = unknownCollection(collection);
    if (why.isPresent()) {
      return unexpanded(loop, bound, path, name + ": a loop of the language extensions " + UNKNOWN_COLLECTION + " (" + why.get()
          + "): its entries are not read");
    }
    Location at = loop.key().location();
    if (!bound.isEmpty()) return generate(loop, id.text(), collection, body, bound, path);
    // A limit gives up the outermost loop as a whole: one note, and nothing half expanded.
    int generatedBefore = allowance.generated;
    int copiedBefore = allowance.copied;
    try {
      return generate(loop, id.text(), collection, body, bound, path);
    } catch (TooLarge x) {
      allowance.generated = generatedBefore;
      allowance.copied = copiedBefore;
      limits.add(new Budget.Note(at, x.limit()));
      return unexpanded(loop, bound, path, name + ": a loop of the language extensions past an evaluation limit (" + x.limit()
          + "): its entries are not read");
    }
  }

  private List<MapNode.Entry> generate(MapNode.Entry loop, String id, Value collection, MapNode body, Map<String, Item> bound,
      String path) {
    List<MapNode.Entry> out = new ArrayList<>();
    for (Value item : collection.items()) {
      String text = item.asText().orElseThrow();
      Map<String, Item> inner = new LinkedHashMap<>(bound);
      inner.put(id, new Item(text, item.withOrigin(item.location(),
          Provenance.of("item \"" + text + "\" of the collection of " + loop.name(), loop.key().location()))));
      MapNode generatedBody = map(body, inner, path);
      allowance.generated += generatedBody.entries().size();
      if (allowance.generated > MAX_GENERATED) {
        throw new TooLarge("loops generating more than " + String.format("%,d", MAX_GENERATED) + " entries");
      }
      out.addAll(generatedBody.entries());
    }
    return out;
  }

  /** Why the collection's items are not all known strings; empty when they are. */
  private static Optional<String> unknownCollection(Value collection) {
    if (!(collection instanceof Value.ListV list)) {
      return Optional.of(collection instanceof Value.Unknown u ? u.reason()
          : collection instanceof Value.OneOf ? "it depends on a condition that cannot be decided" : "it is not a list");
    }
    for (Value item : list.items()) {
      if (item.asText().isEmpty()) {
        return Optional.of(item instanceof Value.Unknown u ? u.reason() : "an item of it is not a string");
      }
    }
    return Optional.empty();
  }

  private List<MapNode.Entry> unexpanded(MapNode.Entry loop, Map<String, Item> bound, String path, String what) {
    unexpanded.add(new UnreadPart(what, loop.key().location()));
    // Kept as written (the outer identifiers replaced): its key says it is a loop, and nothing reads it.
    return List.of(new MapNode.Entry(loop.key(), bound.isEmpty() ? loop.value() : copy(loop.value(), bound, path)));
  }

  /** {@code ${Identifier}} and {@code &{Identifier}} of every bound identifier replaced. */
  private static String replaced(String text, Map<String, Item> bound) {
    if (text.indexOf("{") < 0) return text;
    String out = text;
    for (Map.Entry<String, Item> e : bound.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue().text());
      out = out.replace("&{" + e.getKey() + "}", alphanumeric(e.getValue().text()));
    }
    return out;
  }

  private static String alphanumeric(String text) {
    StringBuilder sb = new StringBuilder();
    for (char c : text.toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) sb.append(c);
    }
    return sb.toString();
  }
}
