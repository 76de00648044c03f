package dev.iamlint.fix;

import dev.iamlint.rule.Finding;
import dev.iamlint.source.FileKind;
import dev.iamlint.source.Location;
import dev.iamlint.source.SourceFile;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The edit that suppresses a finding where the next scan honours it (interfaces.md,
 * Suppressions): in Terraform and in a Serverless service a comment line {@code # iamlint:ignore
 * RULE -- reason} just above the resource, which covers the whole resource; in a CloudFormation
 * template (YAML or JSON) an entry {@code {id: RULE, reason: …}} in the resource's {@code
 * Metadata: iamlint: ignore:} list, added to what is there. Pure: nothing is read or written.
 */
public final class SuppressionEdits {
  private SuppressionEdits() {}

  /** Findings about the files and the suppressions themselves, which no suppression of this kind hides. */
  private static final Set<String> NOT_SUPPRESSIBLE = Set.of("SYN001", "SUP001");

  /**
   * The fix that suppresses {@code finding} for {@code reason}, in {@code source}, the file that
   * declares the finding's resource. A blank reason writes the suppression without one, which
   * the scan refuses and reports (SUP001) unless the config sets {@code require_reason: false}.
   * Empty where the file cannot hold one: another file, JSON Terraform, a resource not found in
   * the text (it does not parse as scanned), a downloaded module.
   */
  public static Optional<Fix> suppress(Finding finding, SourceFile source, String reason) {
    if (NOT_SUPPRESSIBLE.contains(finding.ruleId()) || !finding.resource().file().equals(source.displayPath())
        || Fixes.downloaded(source)) {
      return Optional.empty();
    }
    SourceText text = new SourceText(source);
    if (text.hasByteOrderMark()) return Optional.empty();
    String title = "Suppress " + finding.ruleId() + " for " + finding.resource().address();
    String why = Strings.oneLine(reason);
    Optional<TextEdit> edit = switch (source.kind()) {
      case TERRAFORM, SERVERLESS -> comment(text, finding, why);
      case CLOUDFORMATION_YAML, CLOUDFORMATION_JSON -> metadata(text, finding, why)
          .or(() -> source.kind() == FileKind.CLOUDFORMATION_YAML ? comment(text, finding, why) : Optional.empty());
      default -> Optional.empty();
    };
    return edit.map(e -> new Fix(title, List.of(e)));
  }

  /** {@code iamlint:ignore RULE -- reason}, the text of a comment directive. */
  static String directive(String rule, String reason) {
    return "iamlint:ignore " + rule + (reason.isEmpty() ? "" : " -- " + reason);
  }

  /** A comment line above the line where the resource starts, indented as that line. */
  private static Optional<TextEdit> comment(SourceText text, Finding finding, String reason) {
    Location resource = finding.resource().location();
    int line = resource.startLine();
    // The resource must start its line: a comment above it then covers it.
    if (!text.before(line, resource.startColumn()).isBlank()) return Optional.empty();
    String indent = text.indentation(line);
    return Optional.of(TextEdit.insert(text.path(), line, 1,
        indent + "# " + directive(finding.ruleId(), reason) + text.newline()));
  }

  /** The ignore entry in the resource's metadata: added to the list, or with the mappings that lead to it. */
  private static Optional<TextEdit> metadata(SourceText text, Finding finding, String reason) {
    boolean json = text.isJson();
    Optional<MapNode> found = CloudFormationEdits.resource(text, finding.resource().header());
    if (found.isEmpty()) return Optional.empty();
    MapNode declaration = found.get();
    Item item = new Item(finding.ruleId(), reason, json);
    Optional<Node> metadata = declaration.get("Metadata");
    if (metadata.isEmpty()) {
      // After Type when it comes first (Type, Metadata, Properties), else first.
      Optional<MapNode.Entry> anchor = declaration.entries().size() > 1 && declaration.entries().get(0).name().equals("Type")
          ? Optional.of(declaration.entries().get(1)) : CloudFormationEdits.firstEntry(declaration);
      return CloudFormationEdits.insertEntry(text, declaration, anchor, item.nested(List.of("Metadata", "iamlint", "ignore")),
          item.inline(List.of("Metadata", "iamlint", "ignore")));
    }
    Optional<MapNode> ownMeta = CloudFormationEdits.ownMap(text, declaration, "Metadata");
    if (ownMeta.isEmpty()) return Optional.empty();
    MapNode meta = ownMeta.get();
    Optional<Node> iamlint = meta.get("iamlint");
    if (iamlint.isEmpty()) {
      return CloudFormationEdits.insertEntry(text, meta, CloudFormationEdits.firstEntry(meta),
          item.nested(List.of("iamlint", "ignore")), item.inline(List.of("iamlint", "ignore")));
    }
    Optional<MapNode> ownIamlint = CloudFormationEdits.ownMap(text, meta, "iamlint");
    if (ownIamlint.isEmpty()) return Optional.empty();
    MapNode own = ownIamlint.get();
    Optional<Node> ignore = own.get("ignore");
    if (ignore.isEmpty()) {
      return CloudFormationEdits.insertEntry(text, own, CloudFormationEdits.firstEntry(own), item.nested(List.of("ignore")),
          item.inline(List.of("ignore")));
    }
    if (!(ignore.get() instanceof ListNode list)) return Optional.empty();
    return CloudFormationEdits.insertItem(text, list, item.lines(), item.flow());
  }

  /** One ignore entry, {@code {id, reason}}, written as YAML or JSON. */
  private record Item(String rule, String reason, boolean json) {
    private String key(String k) {
      return json ? Strings.json(k) : k;
    }

    /** The entry as a flow mapping: {@code {id: X, reason: "..."}}. */
    String flow() {
      String id = json ? Strings.json(rule) : rule;
      return "{" + key("id") + ": " + id + (reason.isEmpty() ? "" : ", " + key("reason") + ": " + Strings.json(reason)) + "}";
    }

    /** The entry as an item of a block sequence (YAML) or of a JSON array written one item a line. */
    List<String> lines() {
      if (json) return List.of(flow());
      List<String> out = new ArrayList<>();
      out.add("- id: " + rule);
      if (!reason.isEmpty()) out.add("  reason: " + Strings.json(reason));
      return out;
    }

    /** {@code keys[0]: {keys[1]: {... [item]}}} on one line. */
    String inline(List<String> keys) {
      String value = "[" + flow() + "]";
      for (int i = keys.size() - 1; i > 0; i--) value = "{" + key(keys.get(i)) + ": " + value + "}";
      return key(keys.get(0)) + ": " + value;
    }

    /** The same on lines, each key a level deeper, the list's item last. */
    List<String> nested(List<String> keys) {
      List<String> out = new ArrayList<>();
      String indent = "";
      if (json) {
        for (int i = 0; i < keys.size(); i++) {
          boolean last = i == keys.size() - 1;
          out.add(indent + key(keys.get(i)) + ": " + (last ? "[" : "{"));
          indent += "  ";
        }
        out.add(indent + flow());
        for (int i = keys.size() - 1; i >= 0; i--) {
          indent = indent.substring(2);
          out.add(indent + (i == keys.size() - 1 ? "]" : "}"));
        }
        return out;
      }
      for (String k : keys) {
        out.add(indent + k + ":");
        indent += "  ";
      }
      for (String line : lines()) out.add(indent + line);
      return out;
    }
  }
}
