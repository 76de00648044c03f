package dev.iamlint.fix;

import dev.iamlint.hcl.Body;
import dev.iamlint.hcl.Expression;
import dev.iamlint.rule.Finding;
import dev.iamlint.source.Location;
import java.util.List;
import java.util.Optional;

/** Fixes in Terraform native syntax: an attribute of the resource block set to a literal. */
final class TerraformEdits {
  private TerraformEdits() {}

  /**
   * Sets {@code name = value} in the block of the finding's resource (of {@code type}): replaces
   * a literal that is there, or adds the attribute when the block lacks it. Anything else (a
   * reference, a function call, a conditional) gives no fix, nor does a module with an override
   * file, which may set the attribute over this block.
   */
  static Optional<Fix> set(Finding finding, SourceText text, String type, String name, String value) {
    if (!finding.resource().type().equals(type) || text.besideOverride()) return Optional.empty();
    Optional<Body.Block> found = block(text, finding.resource().location());
    if (found.isEmpty()) return Optional.empty();
    Body.Block block = found.get();
    Optional<Body.Attribute> attribute = block.body().attribute(name);
    if (attribute.isPresent()) {
      Expression e = attribute.get().expression();
      if (!isLiteral(e)) return Optional.empty();
      Location at = e.range().location(text.display());
      if (text.source(at).equals(value)) return Optional.empty();
      return Optional.of(new Fix("Set " + name + " = " + value, List.of(TextEdit.replace(text.path(), at, value))));
    }
    return insertAttribute(text, block, name + " = " + value)
        .map(edit -> new Fix("Add " + name + " = " + value, List.of(edit)));
  }

  /** The resource block that spans {@code location} exactly, when the text parses. */
  static Optional<Body.Block> block(SourceText text, Location location) {
    return text.resourceBlocks().flatMap(blocks -> Optional.ofNullable(blocks.get(location)));
  }

  /** A value written out: a number, a bool, null or a string without interpolation. */
  private static boolean isLiteral(Expression e) {
    return e instanceof Expression.Literal
        || (e instanceof Expression.Template t && !t.heredoc() && t.literal().isPresent());
  }

  /**
   * A new line {@code attribute} just before the line that closes the block, indented as the
   * block's first attribute (else two blanks more than the block), its {@code =} aligned with the
   * attribute above it when that one's name is longer, as {@code terraform fmt} aligns them.
   * A block written on one line gets no insertion unless it is empty ({@code {}}).
   */
  static Optional<TextEdit> insertAttribute(SourceText text, Body.Block block, String attribute) {
    Location range = block.range().location(text.display());
    int close = text.endOffset(range) - 1;
    if (close < 0 || text.text.charAt(close) != '}') return Optional.empty();
    int closeLine = range.endLine();
    int closeColumn = range.endColumn() - 1;
    String blockIndent = text.indentation(range.startLine());
    String nl = text.newline();
    if (closeLine == range.startLine()) {
      // resource "x" "y" {} -> a block of one attribute on lines of its own.
      if (!block.body().attributes().isEmpty() || !block.body().blocks().isEmpty()) return Optional.empty();
      int open = text.text.lastIndexOf('{', close);
      if (open < 0 || !text.text.substring(open + 1, close).isBlank()) return Optional.empty();
      Location opened = text.point(open).span(text.point(close + 1));
      return Optional.of(TextEdit.replace(text.path(), opened,
          "{" + nl + blockIndent + "  " + attribute + nl + blockIndent + "}"));
    }
    if (!text.before(closeLine, closeColumn).isBlank()) return Optional.empty();
    String indent = block.body().attributes().stream().findFirst()
        .map(a -> a.nameRange().location(text.display()))
        .filter(a -> text.before(a.startLine(), a.startColumn()).isBlank())
        .map(a -> text.before(a.startLine(), a.startColumn()))
        .orElse(blockIndent + "  ");
    return Optional.of(TextEdit.insert(text.path(), closeLine, 1, indent + aligned(text, block, closeLine, attribute) + nl));
  }

  /** {@code name = value} padded so that its {@code =} lines up with that of the attribute on the line above. */
  private static String aligned(SourceText text, Body.Block block, int closeLine, String attribute) {
    int equals = attribute.indexOf(" = ");
    for (Body.Attribute a : block.body().attributes()) {
      Location r = a.range().location(text.display());
      if (r.startLine() != closeLine - 1 || r.endLine() != closeLine - 1) continue;
      String line = text.before(r.startLine(), r.endColumn());
      int nameEnd = a.nameRange().endColumn() - a.nameRange().startColumn();
      int eq = line.indexOf('=', a.nameRange().endColumn() - 1) - (a.nameRange().startColumn() - 1);
      if (eq > nameEnd && eq - 1 > equals) return attribute.substring(0, equals) + " ".repeat(eq - 1 - equals) + attribute.substring(equals);
    }
    return attribute;
  }
}
