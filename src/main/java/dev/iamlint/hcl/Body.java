package dev.iamlint.hcl;

import java.util.List;
import java.util.Optional;

/** A file's or block's contents: attributes and blocks in source order. */
public record Body(List<Attribute> attributes, List<Block> blocks, SourceRange range) {

  public Body {
    attributes = List.copyOf(attributes);
    blocks = List.copyOf(blocks);
  }

  public record Attribute(String name, Expression expression, SourceRange nameRange, SourceRange range) {}

  public record Block(String type, List<Label> labels, Body body, SourceRange typeRange, SourceRange range) {
    public Block {
      labels = List.copyOf(labels);
    }

    public List<String> labelValues() {
      return labels.stream().map(Label::value).toList();
    }
  }

  public record Label(String value, SourceRange range) {}

  public Optional<Attribute> attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public List<Block> blocks(String type) {
    return blocks.stream().filter(b -> b.type().equals(type)).toList();
  }
}
