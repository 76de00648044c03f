package dev.iamlint.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.json.JsonLoader;
import dev.iamlint.source.LineIndex;
import dev.iamlint.source.Location;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalarPositionsTest {

  /**
   * The value of {@code v} in each document: where its character {@code target} (the first
   * occurrence in the value) is written. Line breaks are written {@code ~}.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
      "plain                  ; v: a {x} b                              ; x ; 1 ; 7",
      "plain over two lines   ; v: a b~  {x}                            ; x ; 2 ; 4",
      "single-quoted, doubled ; v: 'it''s {x}'                          ; x ; 1 ; 12",
      "single-quoted, folded  ; v: '{\"a\":~   \"x\"}'                  ; x ; 2 ; 5",
      "double-quoted, escapes ; v: \"{\\\"a\\\": \\\"x\\\"}\"             ; x ; 1 ; 15",
      "double, continuation   ; v: \"ab\\~   x\"                          ; x ; 2 ; 4",
      "literal block          ; v: |~  {~    \"x\": 1~  }                ; x ; 3 ; 6",
      "literal with a comment ; v: | # {x}~  {~    \"x\": 1~  }          ; x ; 3 ; 6",
      "folded block           ; v: >-~  {\"a\": 1,~   \"x\": 2}           ; x ; 3 ; 5",
      "after a tag            ; v: !!str |~  {~    \"x\": 1~  }            ; x ; 3 ; 6",
      "after an anchor        ; v: &a |~  {~    \"x\": 1~  }             ; x ; 3 ; 6",
  })
  void eachCharacterIsWhereItIsWritten(String name, String yaml, char target, int line, int column) {
    String source = yaml.replace("~", "\n");
    ParseResult r = YamlLoader.parse("t.yaml", source);
    ScalarNode v = (ScalarNode) ((MapNode) ((ParseResult.Parsed) r).root()).get("v").orElseThrow();
    assertEquals(Location.point("t.yaml", line, column), locate(source, v, target));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "escaped quotes   | {\"v\": \"{\\\"a\\\": \\\"x\\\"}\"}     | x | 1 | 18",
      "unicode escape   | {\"v\": \"\\u0041 x\"}                   | x | 1 | 15",
  })
  void jsonStringsAlignLikeDoubleQuotedYaml(String name, String json, char target, int line, int column) {
    ParseResult r = JsonLoader.parse("t.json", json);
    ScalarNode v = (ScalarNode) ((MapNode) ((ParseResult.Parsed) r).root()).get("v").orElseThrow();
    assertEquals(Location.point("t.json", line, column), locate(json, v, target));
  }

  private static Location locate(String source, ScalarNode v, char target) {
    LineIndex lines = new LineIndex(source);
    Location l = v.location();
    int[] positions = ScalarPositions.align(source, lines.offset(l.startLine(), l.startColumn()),
        lines.offset(l.endLine(), l.endColumn()), v.text()).orElseThrow();
    assertEquals(v.text().length(), positions.length);
    int index = v.text().indexOf(target);
    assertTrue(index >= 0, v.text());
    return lines.point(l.file(), positions[index]);
  }
}
