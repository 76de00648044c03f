package dev.iamlint.fix;

import dev.iamlint.hcl.Body;
import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.json.JsonLoader;
import dev.iamlint.source.FileKind;
import dev.iamlint.source.LineIndex;
import dev.iamlint.source.Location;
import dev.iamlint.source.SourceFile;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.yaml.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A file's text with what edits need: offsets of positions, lines, indentation, its line break,
 * and its syntax tree, parsed once however many findings it holds.
 */
final class SourceText {
  final SourceFile file;
  final String text;
  private final LineIndex lines;

  SourceText(SourceFile file) {
    this.file = file;
    this.text = file.text();
    this.lines = new LineIndex(text);
  }

  Path path() {
    return file.path();
  }

  String display() {
    return file.displayPath();
  }

  int offset(int line, int column) {
    return lines.offset(line, column);
  }

  int offset(Location at) {
    return offset(at.startLine(), at.startColumn());
  }

  int endOffset(Location at) {
    return offset(at.endLine(), at.endColumn());
  }

  boolean isJson() {
    return file.kind() == FileKind.CLOUDFORMATION_JSON;
  }

  /** The position of an offset. */
  Location point(int offset) {
    return lines.point(display(), offset);
  }

  /** The exact text of a range. */
  String source(Location at) {
    int start = offset(at);
    int end = Math.max(start, endOffset(at));
    return text.substring(start, end);
  }

  /** The text of line {@code line} before column {@code column}. */
  String before(int line, int column) {
    return text.substring(offset(line, 1), offset(line, column));
  }

  /** The leading blanks of a line. */
  String indentation(int line) {
    int start = offset(line, 1);
    int end = start;
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) end++;
    return text.substring(start, end);
  }

  /** The line break the file uses (that of its first line), {@code \n} when it has none. */
  String newline() {
    int nl = text.indexOf('\n');
    return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
  }

  /** The last character before {@code offset} that is not a blank or a line break, or 0. */
  char previousVisible(int offset) {
    for (int i = offset - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) return c;
    }
    return 0;
  }

  private Optional<Map<Location, Body.Block>> resourceBlocks;
  private Optional<Map<Location, MapNode>> declarations;

  /**
   * The file's Terraform resource blocks by their range, parsed once for every finding of the
   * file; empty when the text does not parse.
   */
  Optional<Map<Location, Body.Block>> resourceBlocks() {
    if (resourceBlocks == null) {
      resourceBlocks = HclParser.parse(display(), text) instanceof HclParseResult.Parsed parsed
          ? Optional.of(index(parsed.file().body())) : Optional.empty();
    }
    return resourceBlocks;
  }

  private Map<Location, Body.Block> index(Body body) {
    Map<Location, Body.Block> out = new HashMap<>();
    for (Body.Block b : body.blocks()) {
      if (b.type().equals("resource")) out.put(b.range().location(display()), b);
    }
    return out;
  }

  /**
   * The mappings of the file's YAML or JSON tree by the location of the key they are the value of
   * (a CloudFormation resource's declaration by its logical id), read once; empty when the text
   * does not parse.
   */
  Optional<Map<Location, MapNode>> declarations() {
    if (declarations == null) {
      ParseResult parsed = isJson() ? JsonLoader.parse(display(), text) : YamlLoader.parse(display(), text);
      declarations = parsed instanceof ParseResult.Parsed p ? Optional.of(mappingsByKey(p.root())) : Optional.empty();
    }
    return declarations;
  }

  private static Map<Location, MapNode> mappingsByKey(Node root) {
    Map<Location, MapNode> out = new HashMap<>();
    List<Node> pending = new ArrayList<>(List.of(root));
    while (!pending.isEmpty()) {
      Node n = pending.remove(pending.size() - 1);
      if (n instanceof MapNode m) {
        for (MapNode.Entry e : m.entries()) {
          if (e.value() instanceof MapNode value) out.putIfAbsent(e.key().location(), value);
          pending.add(e.value());
        }
      } else if (n instanceof ListNode l) {
        pending.addAll(l.items());
      }
    }
    return out;
  }

  private Boolean besideOverride;

  /**
   * Whether the file's directory holds a Terraform override file ({@code override.tf}, {@code
   * *_override.tf}, or their {@code .tf.json} forms): Terraform merges its attributes over the
   * other files' blocks, so a setting written here may not be the one deployed, and an edit here
   * may change nothing. Only the names of the directory's entries are read; when they cannot be,
   * the answer is yes (no fix rather than an uncertain one).
   */
  boolean besideOverride() {
    if (besideOverride == null) {
      Path dir = file.path().toAbsolutePath().normalize().getParent();
      try (Stream<Path> entries = dir == null ? Stream.empty() : Files.list(dir)) {
        besideOverride = entries.map(p -> p.getFileName().toString()).anyMatch(SourceText::isOverride);
      } catch (IOException | UncheckedIOException | SecurityException e) {
        besideOverride = true;
      }
    }
    return besideOverride;
  }

  private static boolean isOverride(String name) {
    String stem = name.endsWith(".tf.json") ? name.substring(0, name.length() - ".tf.json".length())
        : name.endsWith(".tf") ? name.substring(0, name.length() - ".tf".length()) : null;
    return stem != null && (stem.equals("override") || stem.endsWith("_override"));
  }

  /** Whether a byte-order mark starts the text: parsers drop it, so their columns on line 1 do not match it. */
  boolean hasByteOrderMark() {
    return text.startsWith("\uFEFF");
  }
}
