package dev.iamlint.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonLoaderTest {

  @Test
  void everyValueAndKeyIsLocated() {
    String json = "{\n  \"Resources\": {\n    \"U\": {\"Type\": \"AWS::IAM::User\"}\n  }\n}\n";
    MapNode root = (MapNode) ((ParseResult.Parsed) JsonLoader.parse("t.json", json)).root();
    MapNode.Entry u = root.map("Resources").orElseThrow().entries().get(0);
    assertEquals(3, u.key().location().startLine());
    assertEquals(5, u.key().location().startColumn());
    ScalarNode type = (ScalarNode) ((MapNode) u.value()).get("Type").orElseThrow();
    assertEquals(3, type.location().startLine());
    assertEquals(19, type.location().startColumn());
    assertEquals(35, type.location().endColumn());
    assertEquals(3, u.span().endLine());
    assertEquals(1, root.location().startLine());
    assertEquals(5, root.location().endLine());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "truncated          | {\"a\": [1,          | 1 | 10",
      "trailing garbage   | {\"a\": 1} x         | 1 | 11",
      "missing comma      | {\"a\": 1 \"b\": 2}  | 1 | 9",
      "empty              | ''                   | 1 | 1",
      "trailing comma     | {\"a\": [1, 2,]}   | 1 | 12",
  })
  void syntaxErrorsAreLocated(String name, String json, int line, int column) {
    ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class, JsonLoader.parse("t.json", json));
    assertEquals(line, f.location().startLine(), f.message());
    assertEquals(column, f.location().startColumn(), f.message());
  }

  @Test
  void trailingCommaIsNamedAtTheComma() {
    ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class, JsonLoader.parse("t.json", "{\n  \"a\": 1,\n}\n"));
    assertEquals("a trailing comma before '}' (JSON allows none)", f.message());
    assertEquals(2, f.location().startLine());
    assertEquals(9, f.location().startColumn());
  }

  @Test
  void jacksonCodesAreLeftOut() {
    ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class, JsonLoader.parse("t.json", "{\"a\": \"\\d\"}"));
    assertEquals("Unrecognized character escape 'd'", f.message());
  }

  /** An over-long number is a limit of its own, said as such, where the number is. */
  @Test
  void aNumberTooLongIsSaidToBeOne() {
    String json = "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n \"n\": " + "1".repeat(5_000) + "}";
    ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class, JsonLoader.parse("t.json", json));
    assertTrue(f.limit());
    assertEquals("limit exceeded: a number longer than 1000 characters", f.message());
    assertEquals(2, f.location().startLine(), f.location().toString());
    assertEquals(7, f.location().startColumn(), f.location().toString());
  }

  @Test
  void nestingIsLimited() {
    String json = "[".repeat(10_000) + "]".repeat(10_000);
    ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class, JsonLoader.parse("t.json", json));
    assertTrue(f.limit());
    assertEquals(JsonLoader.MAX_NESTING_DEPTH + 1, f.location().startColumn());
  }
}
