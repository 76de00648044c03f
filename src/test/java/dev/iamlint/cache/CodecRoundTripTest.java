package dev.iamlint.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.json.JsonLoader;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parseable file of testdata: parse, encode, decode under the same name and text, and the
 * result equals the fresh parse; decoded under another name it equals the parse under that name
 * (nothing of the name is stored).
 */
class CodecRoundTripTest {

  static Stream<String> hclFiles() throws IOException {
    return files(".tf", ".tofu", ".tfvars");
  }

  static Stream<String> yamlFiles() throws IOException {
    return files(".yaml", ".yml", ".template");
  }

  static Stream<String> jsonFiles() throws IOException {
    return files(".json");
  }

  private static Stream<String> files(String... suffixes) throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of("testdata"))) {
      List<String> found = walk.filter(Files::isRegularFile).map(p -> p.toString().replace('\\', '/'))
          .filter(p -> Stream.of(suffixes).anyMatch(s -> p.toLowerCase(Locale.ROOT).endsWith(s))).sorted().toList();
      assertTrue(found.size() > 10, "testdata files found for " + List.of(suffixes));
      return found.stream();
    }
  }

  private static String text(String file) throws IOException {
    return new String(Files.readAllBytes(Path.of(file)), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hclFiles")
  void hcl(String file) throws Exception {
    String text = text(file);
    HclParseResult fresh = HclParser.parse(file, text);
    byte[] payload = Codec.encode(fresh);
    String parsedText = text.startsWith("\uFEFF") ? text.substring(1) : text;
    assertEquals(fresh, Codec.decodeHcl(payload, file, parsedText));
    assertEquals(HclParser.parse("elsewhere/other.tf", text), Codec.decodeHcl(payload, "elsewhere/other.tf", parsedText));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("yamlFiles")
  void yaml(String file) throws Exception {
    String text = text(file);
    ParseResult fresh = YamlLoader.parse(file, text);
    byte[] payload = Codec.encode(fresh);
    assertEquals(fresh, Codec.decodeTree(payload, file));
    assertEquals(YamlLoader.parse("elsewhere/other.yaml", text), Codec.decodeTree(payload, "elsewhere/other.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonFiles")
  void json(String file) throws Exception {
    String text = text(file);
    ParseResult fresh = JsonLoader.parse(file, text);
    byte[] payload = Codec.encode(fresh);
    assertEquals(fresh, Codec.decodeTree(payload, file));
    assertEquals(JsonLoader.parse("elsewhere/other.json", text), Codec.decodeTree(payload, "elsewhere/other.json"));
  }

  /** Shapes the testdata may not have: failures, odd strings, every expression form. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "lone surrogate escape   | `a = \"x\\ud800y\"\\n`",
      "astral character        | `a = \"\uD83D\uDE00\"\\n`",
      "byte-order mark         | `\uFEFFa = 1\\n`",
      "every expression        | `a = [for k, v in x : -v * (2 + 1) if !c], b = {for k, v in x : k => v...}\\n`",
      "splats and indexes      | `a = x.*.y\\nb = x[*].y[0]\\nc = x.0\\nd = f(a...)\\ne = c ? 1 : null\\n`",
      "template directives     | `a = \"%{for k, v in x}${k}%{if v}y%{else}n%{endif}%{endfor}\"\\n`",
      "heredoc                 | `a = <<-EOT\\n    x ${y}\\n  EOT\\n`",
      "nested blocks           | `resource \"a\" \"b\" {\\n  c { d = true }\\n  e = { (k) = 1, f.g = 2 }\\n}\\n`",
      "syntax error            | `resource \"a\" {\\n`",
  })
  void hclShapes(String name, String source) throws Exception {
    String text = source.replace("\\n", "\n");
    HclParseResult fresh = HclParser.parse("t.tf", text);
    String parsedText = text.startsWith("\uFEFF") ? text.substring(1) : text;
    assertEquals(fresh, Codec.decodeHcl(Codec.encode(fresh), "t.tf", parsedText));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "short forms       | `R:\\n  A: !GetAtt a.b\\n  B: !Sub '${x}'\\n  C: [1, 2.5, true, null, ~]\\n`",
      "empty             | ``",
      "duplicate keys    | `a: 1\\na: 2\\n`",
      "syntax error      | `a: [\\n`",
      "unsupported tag   | `a: !!javax.script.ScriptEngineManager x\\n`",
  })
  void yamlShapes(String name, String source) throws Exception {
    String text = source.replace("\\n", "\n");
    ParseResult fresh = YamlLoader.parse("t.yaml", text);
    assertEquals(fresh, Codec.decodeTree(Codec.encode(fresh), "t.yaml"));
  }

  @Test
  void jsonFailureKeepsItsProblem() throws Exception {
    ParseResult fresh = JsonLoader.parse("t.json", "{\"a\": [1,]}");
    ParseResult.Failed failed = assertInstanceOf(ParseResult.Failed.class, fresh);
    assertEquals(failed, Codec.decodeTree(Codec.encode(fresh), "t.json"));
  }
}
