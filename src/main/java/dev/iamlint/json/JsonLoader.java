package dev.iamlint.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.iamlint.source.LineIndex;
import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Optional;

/** Reads JSON into a located {@link Node} tree with Jackson's streaming parser. */
public final class JsonLoader {

  /** Far deeper than any real template or plan, far shallower than the thread stack. */
  public static final int MAX_NESTING_DEPTH = 256;

  /** Characters of one number: a number that long is no configuration's (Jackson's default). */
  static final int MAX_NUMBER_LENGTH = 1000;

  private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_NESTING_DEPTH)
      .maxStringLength(16 * 1024 * 1024)
      .maxNumberLength(MAX_NUMBER_LENGTH)
      .build();
  private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
  /**
   * CloudFormation reads a JSON template with a parser that takes a comma after the last member or
   * item: a template written so deploys (tools that rewrite templates strip such commas for
   * their own JSON parsers), and only a template is read so.
   */
  private static final JsonFactory TEMPLATE_FACTORY = JsonFactory.builder().streamReadConstraints(CONSTRAINTS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

  private JsonLoader() {}

  public static ParseResult parse(String file, String text) {
    return parse(FACTORY, file, text, false);
  }

  /** A CloudFormation template in JSON, read as CloudFormation reads it (a trailing comma is taken). */
  public static ParseResult parseTemplate(String file, String text) {
    return parse(TEMPLATE_FACTORY, file, text, false);
  }

  /**
   * The same, and a body that is not JSON read as YAML when that reads it: CloudFormation reads
   * what is not JSON as YAML, a superset, so a JSON template with # comment lines or
   * single-quoted strings deploys. When neither reads it, the JSON error is the one reported.
   */
  public static ParseResult parseTemplate(String file, String text, BiFunction<String, String, ParseResult> yaml) {
    ParseResult json = parseTemplate(file, text);
    if (!(json instanceof ParseResult.Failed)) return json;
    ParseResult asYaml = yaml.apply(file, text);
    return asYaml instanceof ParseResult.Parsed ? asYaml : json;
  }

  /**
   * Reads one or more JSON documents written one after the other (what a paginated AWS CLI
   * command writes page by page): the result's root is a list of the documents, located at the
   * whole text.
   */
  public static ParseResult parseSequence(String file, String text) {
    return parse(FACTORY, file, text, true);
  }

  private static ParseResult parse(JsonFactory factory, String file, String text, boolean sequence) {
    JsonParser parser;
    try {
      parser = factory.createParser(text);
    } catch (IOException e) {
      return new ParseResult.Failed("cannot read JSON: " + e.getMessage(), Location.point(file, 1, 1), false);
    }
    try (parser) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new ParseResult.Failed("the file is empty: expected a JSON value", Location.point(file, 1, 1), false);
      }
      Node root = read(parser, first, file);
      JsonToken trailing = parser.nextToken();
      if (sequence) {
        List<Node> documents = new ArrayList<>(List.of(root));
        for (; trailing != null; trailing = parser.nextToken()) documents.add(read(parser, trailing, file));
        LineIndex lines = new LineIndex(text);
        return new ParseResult.Parsed(new ListNode(documents,
            Location.point(file, 1, 1).span(lines.point(file, text.length()))));
      }
      if (trailing != null) {
        JsonLocation at = parser.currentTokenLocation();
        return new ParseResult.Failed("unexpected content after the end of the JSON document",
            Location.point(file, at.getLineNr(), at.getColumnNr()), false);
      }
      return new ParseResult.Parsed(root);
    } catch (StreamConstraintsException e) {
      // Constraint errors carry no location; the parser stands where the limit was crossed.
      JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentTokenLocation();
      String what = limit(e.getOriginalMessage());
      if (what.startsWith("a number")) return new ParseResult.Failed("limit exceeded: " + what, numberBefore(file, text, parser), true);
      return new ParseResult.Failed("limit exceeded: " + what, at == null ? Location.point(file, 1, 1) : point(file, at), true);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      if (at != null) {
        Optional<ParseResult.Failed> comma = trailingComma(file, text, at.getLineNr(), at.getColumnNr());
        if (comma.isPresent()) return comma.get();
      }
      return new ParseResult.Failed(firstLine(e.getOriginalMessage()),
          at == null ? Location.point(file, 1, 1) : point(file, at), false);
    } catch (IOException e) {
      return new ParseResult.Failed("cannot read JSON: " + e.getMessage(), Location.point(file, 1, 1), false);
    }
  }

  /** Where the number starts that the parser has just read: Jackson stands after it (and the delimiter that ended it). */
  private static Location numberBefore(String file, String text, JsonParser parser) {
    String number = "0123456789.eE+-";
    int start = (int) Math.max(0, Math.min(parser.currentLocation().getCharOffset(), text.length()));
    while (start > 0 && number.indexOf(text.charAt(start - 1)) < 0) start--;
    while (start > 0 && number.indexOf(text.charAt(start - 1)) >= 0) start--;
    return new LineIndex(text).point(file, start);
  }

  /** Which of Jackson's limits was crossed, in words (its message names its own methods). */
  private static String limit(String jackson) {
    String m = jackson == null ? "" : jackson;
    if (m.startsWith("Number value length")) return "a number longer than " + MAX_NUMBER_LENGTH + " characters";
    if (m.startsWith("String value length")) return "a string longer than 16 MiB";
    if (m.startsWith("Name length")) return "a key longer than Jackson's limit";
    return "nesting deeper than " + MAX_NESTING_DEPTH + " levels";
  }

  /**
   * The commonest JSON mistake, said plainly and located at the comma: a {@code ,} right before
   * the {@code }} or {@code ]} the parser stopped at.
   */
  private static Optional<ParseResult.Failed> trailingComma(String file, String text, int line, int column) {
    int index = 0;
    for (int l = 1; l < line; l++) {
      int newline = text.indexOf('\n', index);
      if (newline < 0) return Optional.empty();
      index = newline + 1;
    }
    index += column - 1;
    if (index < 0 || index >= text.length() || (text.charAt(index) != '}' && text.charAt(index) != ']')) {
      return Optional.empty();
    }
    int before = index - 1;
    while (before >= 0 && Character.isWhitespace(text.charAt(before))) before--;
    if (before < 0 || text.charAt(before) != ',') return Optional.empty();
    int commaLine = 1;
    int lineStart = 0;
    for (int i = 0; i < before; i++) {
      if (text.charAt(i) == '\n') {
        commaLine++;
        lineStart = i + 1;
      }
    }
    return Optional.of(new ParseResult.Failed("a trailing comma before '" + text.charAt(index) + "' (JSON allows none)",
        Location.point(file, commaLine, before - lineStart + 1), false));
  }

  /**
   * Whether every occurrence of {@code c} in {@code text} lies inside a JSON string literal (the
   * placeholder of an unknown part: there it is part of a string value, elsewhere it may stand
   * for any syntax).
   */
  public static boolean onlyInStrings(String text, char c) {
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (inString) {
        if (ch == '\\') i++;
        else if (ch == '"') inString = false;
      } else if (ch == '"') {
        inString = true;
      } else if (ch == c) {
        return false;
      }
    }
    return true;
  }

  private static Node read(JsonParser p, JsonToken token, String file) throws IOException {
    JsonLocation start = p.currentTokenLocation();
    switch (token) {
      case START_OBJECT -> {
        List<MapNode.Entry> entries = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          JsonLocation keyStart = p.currentTokenLocation();
          String name = p.currentName();
          JsonLocation keyEnd = p.currentLocation();
          ScalarNode key = new ScalarNode(name, ScalarNode.Kind.STRING, range(file, keyStart, keyEnd));
          Node value = read(p, p.nextToken(), file);
          entries.add(new MapNode.Entry(key, value));
        }
        expect(t, JsonToken.END_OBJECT, p);
        return new MapNode(entries, range(file, start, p.currentLocation()));
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t == null) throw new JsonParseException(p, "unexpected end of input inside an array");
          items.add(read(p, t, file));
        }
        return new ListNode(items, range(file, start, p.currentLocation()));
      }
      case VALUE_STRING -> {
        String text = p.getText();
        return new ScalarNode(text, ScalarNode.Kind.STRING, range(file, start, p.currentLocation()));
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        String text = p.getText();
        return new ScalarNode(text, ScalarNode.Kind.NUMBER, range(file, start, p.currentLocation()));
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new ScalarNode(p.getText(), ScalarNode.Kind.BOOLEAN, range(file, start, p.currentLocation()));
      }
      case VALUE_NULL -> {
        return new ScalarNode("null", ScalarNode.Kind.NULL, range(file, start, p.currentLocation()));
      }
      default -> throw new JsonParseException(p, "unexpected token " + token);
    }
  }

  private static void expect(JsonToken actual, JsonToken wanted, JsonParser p) throws IOException {
    if (actual != wanted) throw new JsonParseException(p, "unexpected end of input inside an object");
  }

  private static Location point(String file, JsonLocation at) {
    return Location.point(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
  }

  private static Location range(String file, JsonLocation start, JsonLocation end) {
    return new Location(file, start.getLineNr(), start.getColumnNr(), end.getLineNr(), end.getColumnNr());
  }

  /** Jackson's message without its internals (source descriptions, feature names). */
  private static String firstLine(String message) {
    if (message == null) return "invalid JSON";
    int nl = message.indexOf('\n');
    String m = nl < 0 ? message : message.substring(0, nl);
    m = m.replaceAll("\\s*\\(`[^`]*`[^)]*\\)", "").replaceAll(" at \\[Source:.*", "").replaceAll("\\s*\\(start marker.*", "");
    // "Unexpected character ('}' (code 125))" reads "Unexpected character '}'".
    m = m.replaceAll("\\(('.{1,2}') \\(code \\d+\\)\\)", "$1").replaceAll(" \\(code \\d+\\)", "");
    return m.replace("Unexpected end-of-input", "unexpected end of input").trim();
  }
}
