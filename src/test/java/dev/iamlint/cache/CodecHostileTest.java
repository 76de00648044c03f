package dev.iamlint.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.yaml.YamlLoader;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A payload that is not what the encoder wrote can only fail decoding, and only with {@link Codec.Corrupt}. */
class CodecHostileTest {

  private static final String HCL = """
      resource "aws_iam_role" "r" {
        name = "${var.env}-role"
        assume_role_policy = jsonencode({ Statement = [for s in local.s : { Effect = s }] })
      }
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "empty                    | ''",
      "unknown result tag       | 00 09",
      "string count past end    | 7f 01",
      "string longer than bytes | 01 08 61 01",
      "index out of the table   | 00 01 01 00",
      "varint of six bytes      | ff ff ff ff ff 01",
      "negative count           | ff ff ff ff 0f",
      "boolean that is not      | 01 02 61 01 01 00 02 00 02",
  })
  void malformedPayloadsAreRefused(String name, String hex) {
    byte[] payload = bytes(hex);
    assertThrows(Codec.Corrupt.class, () -> Codec.decodeHcl(payload, "t.tf", ""));
    assertThrows(Codec.Corrupt.class, () -> Codec.decodeTree(payload, "t.yaml"));
  }

  @Test
  void trailingBytesAreRefused() throws Exception {
    byte[] good = Codec.encode(HclParser.parse("t.tf", HCL));
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertThrows(Codec.Corrupt.class, () -> Codec.decodeHcl(longer, "t.tf", HCL));
  }

  /** Deeper than the bound: refused on the way in (never stored) and on the way out. */
  @Test
  void nestingIsBounded() {
    Node node = new ScalarNode("x", ScalarNode.Kind.STRING, Location.point("t", 1, 1));
    for (int i = 0; i < Codec.MAX_DEPTH + 1; i++) node = new ListNode(List.of(node), Location.point("t", 1, 1));
    ParseResult deep = new ParseResult.Parsed(node);
    assertThrows(Codec.Corrupt.class, () -> Codec.encode(deep));
    // The same shape written by hand: a tag per level, each a list of one.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0); // no strings
    out.write(1); // parsed
    for (int i = 0; i < Codec.MAX_DEPTH + 1; i++) {
      out.write(2); // list
      out.write(1); // of one
    }
    byte[] payload = out.toByteArray();
    assertThrows(Codec.Corrupt.class, () -> Codec.decodeTree(payload, "t"));
  }

  @Test
  void loneSurrogatesSurvive() throws Exception {
    ParseResult tree = new ParseResult.Parsed(new ScalarNode("a\uD800b\uDFFF", ScalarNode.Kind.STRING, Location.point("t", 1, 1)));
    assertEquals(tree, Codec.decodeTree(Codec.encode(tree), "t"));
  }

  /** Flipped and overwritten bytes anywhere: a result or Corrupt, never another exception. */
  @Test
  void mutatedPayloadsFailOnlyAsCorrupt() throws Exception {
    byte[] hcl = Codec.encode(HclParser.parse("t.tf", HCL));
    byte[] yaml = Codec.encode(YamlLoader.parse("t.yaml", "A: !Sub '${x}'\nB: [1, {c: d}]\n"));
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      byte[] source = round % 2 == 0 ? hcl : yaml;
      byte[] mutated = source.clone();
      for (int k = 0; k <= random.nextInt(3); k++) mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      if (random.nextInt(4) == 0) mutated = Arrays.copyOf(mutated, random.nextInt(mutated.length));
      try {
        if (source == hcl) {
          HclParseResult r = Codec.decodeHcl(mutated, "t.tf", HCL);
          assertEquals(r, r);
        } else {
          ParseResult r = Codec.decodeTree(mutated, "t.yaml");
          assertEquals(r, r);
        }
      } catch (Codec.Corrupt expected) {
        // Refused: what a corrupt entry must give.
      }
    }
  }

  private static byte[] bytes(String hex) {
    if (hex.isBlank()) return new byte[0];
    String[] parts = hex.trim().split("\\s+");
    byte[] b = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) b[i] = (byte) Integer.parseInt(parts[i], 16);
    return b;
  }
}
