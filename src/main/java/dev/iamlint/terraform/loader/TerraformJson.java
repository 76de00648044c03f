package dev.iamlint.terraform.loader;

import dev.iamlint.hcl.Body;
import dev.iamlint.hcl.Expression;
import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.hcl.SourceRange;
import dev.iamlint.hcl.TemplatePart;
import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Terraform's JSON syntax ({@code .tf.json}) read into the same syntax tree as native files.
 * Block types and their label counts are Terraform's; inside a block every key is an argument,
 * so a nested block written in JSON reads as a list of objects, which is what the evaluator
 * makes of native nested blocks too. Strings are templates ({@code "${var.x}"}); a variable's
 * {@code type} is an expression.
 */
public final class TerraformJson {
  private static final Map<String, Integer> LABELS = Map.of("resource", 2, "data", 2, "module", 1, "variable", 1,
      "output", 1, "provider", 1, "locals", 0, "terraform", 0, "moved", 0, "import", 0);

  private TerraformJson() {}

  public static Optional<Body> body(String file, Node root) {
    if (!(root instanceof MapNode m)) return Optional.empty();
    List<Body.Block> blocks = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) {
      Integer labels = LABELS.get(e.name());
      if (labels == null) continue;
      blocks(e.name(), e.key(), labels, e.value(), List.of(), blocks);
    }
    return Optional.of(new Body(List.of(), blocks, range(m.location())));
  }

  /** A tfvars.json file: every key is a variable value. */
  public static Optional<Body> attributes(String file, Node root) {
    if (!(root instanceof MapNode m)) return Optional.empty();
    List<Body.Attribute> attributes = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) {
      attributes.add(new Body.Attribute(e.name(), literal(e.value()), range(e.key().location()), range(e.span())));
    }
    return Optional.of(new Body(attributes, List.of(), range(m.location())));
  }

  private static void blocks(String type, ScalarNode typeKey, int labelsLeft, Node value, List<Body.Label> labels,
      List<Body.Block> out) {
    // HCL's JSON syntax allows an array of objects wherever an object of blocks is expected
    // ("resource": [{...}, {...}]): each is read as the object would be.
    if (value instanceof ListNode list && labelsLeft > 0) {
      for (Node item : list.items()) blocks(type, typeKey, labelsLeft, item, labels, out);
      return;
    }
    if (labelsLeft > 0) {
      if (!(value instanceof MapNode m)) return;
      for (MapNode.Entry e : m.entries()) {
        List<Body.Label> next = new ArrayList<>(labels);
        next.add(new Body.Label(e.name(), range(e.key().location())));
        blocks(type, e.key(), labelsLeft - 1, e.value(), next, out);
      }
      return;
    }
    List<Node> bodies = each(value);
    for (Node b : bodies) {
      if (!(b instanceof MapNode m)) continue;
      // In JSON the block's name is its innermost label key: the header, and where the block starts.
      Location header = labels.isEmpty() ? typeKey.location()
          : labels.get(labels.size() - 1).range().location(typeKey.location().file());
      out.add(new Body.Block(type, labels, body(type, m), range(header), range(header.span(m.location()))));
    }
  }

  /**
   * A block's body: every key an argument (nested blocks read as lists of objects), except
   * {@code "dynamic"}, whose {@code {"TYPE": {"for_each": ..., "content": {...}}}} are dynamic
   * blocks as in native syntax, expanded by the evaluator.
   */
  private static Body body(String type, MapNode m) {
    List<Body.Attribute> attributes = new ArrayList<>();
    List<Body.Block> blocks = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) {
      if (e.name().equals("//")) continue;
      if (e.name().equals("dynamic") && !type.equals("locals") && e.value() instanceof MapNode dynamic) {
        dynamicBlocks(e.key(), dynamic, blocks);
        continue;
      }
      List<Node> items = each(e.value());
      if (!type.equals("locals") && items.stream().anyMatch(TerraformJson::holdsDynamic)) {
        // Nested blocks, one of which holds dynamic blocks of its own (a statement whose
        // conditions are dynamic): read as blocks, so that the evaluator expands them.
        for (Node item : items) {
          if (item instanceof MapNode nested) {
            blocks.add(new Body.Block(e.name(), List.of(), body(e.name(), nested), range(e.key().location()),
                range(e.key().location().span(nested.location()))));
          }
        }
        continue;
      }
      Expression expr = type.equals("variable") && e.name().equals("type") && e.value() instanceof ScalarNode s
          ? parseExpression(s.text(), s.location()) : expression(e.value());
      attributes.add(new Body.Attribute(e.name(), expr, range(e.key().location()), range(e.span())));
    }
    return new Body(attributes, blocks, range(m.location()));
  }

  /** An object that holds {@code "dynamic": {"TYPE": {"content": ...}}}: a nested block with dynamic blocks. */
  private static boolean holdsDynamic(Node n) {
    if (!(n instanceof MapNode m)) return false;
    for (MapNode.Entry e : m.entries()) {
      if (!e.name().equals("dynamic") || !(e.value() instanceof MapNode d)) continue;
      for (MapNode.Entry spec : d.entries()) {
        List<Node> specs = each(spec.value());
        if (specs.stream().anyMatch(x -> x instanceof MapNode sm && sm.entries().stream().anyMatch(k -> k.name().equals("content")))) {
          return true;
        }
      }
    }
    return false;
  }

  private static void dynamicBlocks(ScalarNode dynamicKey, MapNode dynamic, List<Body.Block> out) {
    for (MapNode.Entry d : dynamic.entries()) {
      List<Node> specs = each(d.value());
      for (Node spec : specs) {
        if (!(spec instanceof MapNode sm)) continue;
        List<Body.Attribute> attributes = new ArrayList<>();
        List<Body.Block> content = new ArrayList<>();
        for (MapNode.Entry e : sm.entries()) {
          if (e.name().equals("content") && e.value() instanceof MapNode c) {
            content.add(new Body.Block("content", List.of(), body("content", c), range(e.key().location()),
                range(e.key().location().span(c.location()))));
          } else if (!e.name().equals("//")) {
            attributes.add(new Body.Attribute(e.name(), expression(e.value()), range(e.key().location()), range(e.span())));
          }
        }
        Location header = d.key().location();
        out.add(new Body.Block("dynamic", List.of(new Body.Label(d.name(), range(header))),
            new Body(attributes, content, range(sm.location())), range(dynamicKey.location()), range(header.span(sm.location()))));
      }
    }
  }

  /** HCL's JSON syntax takes an array of objects wherever it takes one object. */
  private static List<Node> each(Node value) {
    return value instanceof ListNode l ? l.items() : List.of(value);
  }

  /** A JSON value as an expression: strings are templates. */
  private static Expression expression(Node n) {
    if (n instanceof ScalarNode s) {
      if (s.kind() == ScalarNode.Kind.STRING) return template(s.text(), s.location());
      return scalar(s);
    }
    if (n instanceof ListNode l) {
      return new Expression.Tuple(l.items().stream().map(TerraformJson::expression).toList(), range(l.location()));
    }
    MapNode m = (MapNode) n;
    List<Expression.ObjectCons.Item> items = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) {
      items.add(new Expression.ObjectCons.Item(text(e.name(), e.key().location()), expression(e.value())));
    }
    return new Expression.ObjectCons(items, range(m.location()));
  }

  /** A JSON value as a constant (tfvars.json): strings are not templates. */
  private static Expression literal(Node n) {
    if (n instanceof ScalarNode s) return s.kind() == ScalarNode.Kind.STRING ? text(s.text(), s.location()) : scalar(s);
    if (n instanceof ListNode l) return new Expression.Tuple(l.items().stream().map(TerraformJson::literal).toList(), range(l.location()));
    MapNode m = (MapNode) n;
    List<Expression.ObjectCons.Item> items = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) items.add(new Expression.ObjectCons.Item(text(e.name(), e.key().location()), literal(e.value())));
    return new Expression.ObjectCons(items, range(m.location()));
  }

  private static Expression scalar(ScalarNode s) {
    Expression.Literal.Kind kind = switch (s.kind()) {
      case NUMBER -> Expression.Literal.Kind.NUMBER;
      case BOOLEAN -> Expression.Literal.Kind.BOOL;
      default -> Expression.Literal.Kind.NULL;
    };
    return new Expression.Literal(kind, kind == Expression.Literal.Kind.NULL ? "null" : s.text(), range(s.location()));
  }

  private static Expression text(String text, Location at) {
    return new Expression.Template(List.of(new TemplatePart.Text(text, range(at))), false, range(at));
  }

  /** A string with ${...} or %{...} is an HCL template; its parts are located at the string. */
  private static Expression template(String text, Location at) {
    if (!text.contains("${") && !text.contains("%{")) return text(text, at);
    String marker = "IAMLINT_JSON_TEMPLATE";
    HclParseResult r = HclParser.parse(at.file(), "x = <<" + marker + "\n" + text + "\n" + marker + "\n");
    if (!(r instanceof HclParseResult.Parsed p)) return text(text, at);
    Expression.Template t = (Expression.Template) p.file().body().attribute("x").orElseThrow().expression();
    List<TemplatePart> parts = new ArrayList<>(t.parts());
    // Drop the newline the heredoc wrapper added.
    if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof TemplatePart.Text last && last.text().endsWith("\n")) {
      String trimmed = last.text().substring(0, last.text().length() - 1);
      if (trimmed.isEmpty()) parts.remove(parts.size() - 1);
      else parts.set(parts.size() - 1, new TemplatePart.Text(trimmed, last.range()));
    }
    return Relocate.template(new Expression.Template(parts, false, t.range()), range(at));
  }

  private static Expression parseExpression(String text, Location at) {
    HclParseResult r = HclParser.parse(at.file(), "x = " + text + "\n");
    if (!(r instanceof HclParseResult.Parsed p)) return text(text, at);
    return Relocate.expression(p.file().body().attribute("x").orElseThrow().expression(), range(at));
  }

  static SourceRange range(Location l) {
    return new SourceRange(0, 0, l.startLine(), l.startColumn(), l.endLine(), l.endColumn());
  }
}
