package dev.iamlint.fix;

import dev.iamlint.rule.Finding;
import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ScalarNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fixes and insertions in CloudFormation templates, YAML or JSON: a property of the finding's
 * resource set to a literal, an entry added to a mapping or an item to a sequence, written in
 * the style of the mapping it joins (block or flow, indented as its entries).
 */
final class CloudFormationEdits {
  private CloudFormationEdits() {}

  /** A scalar written plainly or quoted on one line, without a tag, an anchor or an alias. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.+-]+|\"[A-Za-z0-9_.+-]*\"|'[A-Za-z0-9_.+-]*'");

  /**
   * Sets the property at {@code path} under the {@code Properties} of the finding's resource.
   * Every mapping on the way must be the resource's own, written in place: a mapping that is
   * anchored ({@code &name}), an alias ({@code *name}) or merged in ({@code <<: *name}) is shared
   * with other resources, and an edit there would change them too, so it gets no fix.
   */
  static Optional<Fix> set(Finding finding, SourceText text, boolean json, String type, List<String> path, String value) {
    if (!finding.resource().type().equals(type)) return Optional.empty();
    Optional<MapNode> declaration = resource(text, finding.resource().header());
    if (declaration.isEmpty()) return Optional.empty();
    Optional<MapNode> parent = declaration.flatMap(d -> ownMap(text, d, "Properties"));
    for (String key : path.subList(0, path.size() - 1)) parent = parent.flatMap(p -> ownMap(text, p, key));
    if (parent.isEmpty()) return Optional.empty();
    MapNode own = parent.get();
    String name = path.get(path.size() - 1);
    Optional<MapNode.Entry> entry = own.entry(name);
    String shown = name + ": " + value;
    if (entry.isPresent()) {
      if (!(entry.get().value() instanceof ScalarNode scalar) || !inside(text, own, entry.get().key())
          || !writtenAfter(text, entry.get().key(), scalar)) {
        return Optional.empty();
      }
      String written = text.source(scalar.location());
      if (!TOKEN.matcher(written).matches() || written.equals(value)) return Optional.empty();
      return Optional.of(new Fix("Set " + shown, List.of(TextEdit.replace(text.path(), scalar.location(), value))));
    }
    if (own.entries().stream().anyMatch(e -> !inside(text, own, e.key()))) return Optional.empty();
    String key = json ? Strings.json(name) : name;
    return insertEntry(text, own, firstEntry(own), List.of(key + ": " + value), key + ": " + value)
        .map(edit -> new Fix("Add " + shown, List.of(edit)));
  }

  /** The mapping under {@code key} of {@code map}, when it is written there, in place, and belongs to no other node. */
  static Optional<MapNode> ownMap(SourceText text, MapNode map, String key) {
    return map.entry(key).filter(e -> e.value() instanceof MapNode && inside(text, map, e.key()))
        .filter(e -> ownedBy(text, e.key().location(), (MapNode) e.value())).map(e -> (MapNode) e.value());
  }

  /** Whether {@code value}, the mapping of the key at {@code key}, is written right after it, without an anchor. */
  private static boolean ownedBy(SourceText text, Location key, MapNode value) {
    int keyStart = text.offset(key);
    int valueStart = text.offset(value.location());
    if (valueStart <= keyStart || valueStart >= text.text.length()) return false;
    char first = text.text.charAt(valueStart);
    return first != '&' && first != '*' && first != '!'
        && KEY_THEN_COLON.matcher(text.text.substring(keyStart, valueStart)).matches();
  }

  /** Whether {@code node} is written within {@code container}'s text (not merged in from elsewhere). */
  private static boolean inside(SourceText text, Node container, Node node) {
    return text.offset(node.location()) >= text.offset(container.location())
        && text.endOffset(node.location()) <= text.endOffset(container.location());
  }

  /**
   * The declaration (a mapping with a Type) of the resource whose logical id is written at {@code
   * header}, when it is written there, not anchored or an alias (an edit would change another
   * resource too).
   */
  static Optional<MapNode> resource(SourceText text, Location header) {
    return text.declarations().flatMap(d -> Optional.ofNullable(d.get(header))).filter(decl -> decl.get("Type").isPresent())
        .filter(decl -> ownedBy(text, header, decl));
  }

  /** A key as written, then its colon: what lies between a key's start and its value's start. */
  private static final Pattern KEY_THEN_COLON = Pattern.compile(
      "(?:\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'|[^\\s:'\"][^:\\n]*?)\\s*:\\s*");

  /** Whether the value is written right after its key (not an alias of a node written elsewhere). */
  private static boolean writtenAfter(SourceText text, ScalarNode key, Node value) {
    int keyStart = text.offset(key.location());
    int valueStart = text.offset(value.location());
    return valueStart > keyStart && KEY_THEN_COLON.matcher(text.text.substring(keyStart, valueStart)).matches();
  }

  static Optional<MapNode.Entry> firstEntry(MapNode map) {
    return map.entries().stream().findFirst();
  }

  /** Whether a collection is written in flow style ({@code {…}}, {@code […]}, and all of JSON). */
  private static boolean flow(SourceText text, Node collection) {
    int at = text.offset(collection.location());
    return at < text.text.length() && (text.text.charAt(at) == '{' || text.text.charAt(at) == '[');
  }

  /**
   * Inserts an entry into {@code map} before {@code anchor} (none: the map is empty). {@code
   * lines}: the entry on lines of its own, the first one unindented and the others indented
   * relative to it, used in a block mapping and in a JSON object written one entry a line;
   * {@code inline}: the entry on one line, for a flow mapping written on one line.
   */
  static Optional<TextEdit> insertEntry(SourceText text, MapNode map, Optional<MapNode.Entry> anchor, List<String> lines,
      String inline) {
    if (anchor.isEmpty()) return intoEmpty(text, map, '{', '}', inline);
    return insertBefore(text, map, anchor.get().key().location(), lines, inline);
  }

  /** Inserts an item into {@code list} before its first item; {@code lines} start with "- " in YAML. */
  static Optional<TextEdit> insertItem(SourceText text, ListNode list, List<String> lines, String inline) {
    if (list.items().isEmpty()) return intoEmpty(text, list, '[', ']', inline);
    Location first = list.items().get(0).location();
    if (flow(text, list)) return insertBefore(text, list, first, lines, inline);
    // A block sequence: insert before the dash of the first item.
    int dash = text.offset(first) - 1;
    while (dash >= 0 && Character.isWhitespace(text.text.charAt(dash))) dash--;
    if (dash < 0 || text.text.charAt(dash) != '-') return Optional.empty();
    return insertBefore(text, list, text.point(dash), lines, inline);
  }

  private static Optional<TextEdit> insertBefore(SourceText text, Node collection, Location at, List<String> lines,
      String inline) {
    String before = text.before(at.startLine(), at.startColumn());
    String nl = text.newline();
    if (flow(text, collection)) {
      // A YAML flow collection takes the entry inline; a JSON object written one entry a line, on a line of its own.
      if (!text.isJson() || !before.isBlank()) {
        return Optional.of(TextEdit.insert(text.path(), at.startLine(), at.startColumn(), inline + ", "));
      }
      return Optional.of(TextEdit.insert(text.path(), at.startLine(), at.startColumn(),
          indented(lines, before, nl) + "," + nl + before));
    }
    // Block style: the new entry starts where the anchor starts; what follows it keeps its column.
    String indent = " ".repeat(at.startColumn() - 1);
    return Optional.of(TextEdit.insert(text.path(), at.startLine(), at.startColumn(), indented(lines, indent, nl) + nl + indent));
  }

  private static Optional<TextEdit> intoEmpty(SourceText text, Node collection, char open, char close, String inline) {
    String written = text.source(collection.location());
    if (written.isEmpty() || written.charAt(0) != open || written.charAt(written.length() - 1) != close
        || !written.substring(1, written.length() - 1).isBlank()) {
      return Optional.empty();
    }
    Location at = collection.location();
    return Optional.of(TextEdit.replace(text.path(), at, open + inline + close));
  }

  /** The lines joined, every line after the first prefixed with {@code indent}. */
  private static String indented(List<String> lines, String indent, String nl) {
    StringBuilder sb = new StringBuilder(lines.get(0));
    for (String line : lines.subList(1, lines.size())) sb.append(nl).append(indent).append(line);
    return sb.toString();
  }
}
