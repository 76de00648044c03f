package dev.iamlint.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sketch of module sources a loader plans root modules with: certain, or it says it is not. */
class ModuleSourcesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // text ('\n' for newlines) | sources joined by ',' or UNSURE
      "resource \"aws_iam_role\" \"r\" {\\n  name = \"x\"\\n}|",
      "module \"a\" {\\n  source = \"./a\"\\n}|./a",
      "module \"a\" { source = \"../b\" }|../b",
      "module a {\\n  # where\\n  source = \"./a\" // it is\\n  x = 1\\n}\\nmodule \"b\" {\\n  source = \"terraform-aws-modules/iam/aws\"\\n}|./a,terraform-aws-modules/iam/aws",
      "module \"a\" {\\n  source = \"./${var.x}\"\\n}|UNSURE",
      "module \"a\" {\\n  source = \"./\\u0061\"\\n}|UNSURE",
      "module \"a\" {\\n  source = var.dir\\n}|UNSURE",
      "module \"a\" {\\n  source = \"./a\" == \"\" ? 1 : 2\\n}|UNSURE",
      "module \"${x}\" {\\n  source = \"./a\"\\n}|UNSURE",
      // Not a module call: a nested block, an object key, a reference, a string.
      "locals {\\n  module \"a\" {\\n    source = \"./x\"\\n  }\\n}|",
      "module \"a\" {\\n  source = \"./a\"\\n  settings = {\\n    source = \"./no\"\\n  }\\n  dynamic \"x\" {\\n    source = \"./no\"\\n  }\\n}|./a",
      "output \"o\" {\\n  value = module.a.source\\n}|",
      "locals {\\n  s = \"module \\\"a\\\" { source = \\\"./x\\\" }\"\\n}|",
      "locals {\\n  h = <<EOT\\nmodule \"a\" {\\n  source = \"./x\"\\n}\\nEOT\\n}|",
      "locals {\\n  t = \"${ {a = 1} }\"\\n}\\nmodule \"a\" {\\n  source = \"./after\"\\n}|./after",
  })
  void sketchesTheSources(String text, String expected) {
    Optional<List<String>> sketch = ModuleSources.of(text.replace("\\n", "\n"));
    if ("UNSURE".equals(expected)) {
      assertTrue(sketch.isEmpty(), () -> "a sketch it cannot be sure of: " + sketch);
    } else {
      assertEquals(expected == null ? List.of() : List.of(expected.split(",")), sketch.orElseThrow());
    }
  }

  /** Wherever the sketch is sure and the file parses, it names the sources the parsed tree has. */
  @Test
  void agreesWithTheParserOnEveryFixture() throws IOException {
    int compared = 0;
    for (Path root : List.of(Path.of("testdata"), Path.of("src/test/resources"))) {
      if (!Files.isDirectory(root)) continue;
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(p -> p.toString().endsWith(".tf") && Files.isRegularFile(p)).sorted().toList();
      }
      for (Path p : files) {
        String text = Files.readString(p);
        Optional<List<String>> sketch = ModuleSources.of(text);
        if (sketch.isEmpty() || !(HclParser.parse(p.toString(), text) instanceof HclParseResult.Parsed parsed)) continue;
        List<String> fromTree = new ArrayList<>();
        for (Body.Block b : parsed.file().body().blocks("module")) {
          b.body().attribute("source").map(Body.Attribute::expression)
              .filter(e -> e instanceof Expression.Template).flatMap(e -> ((Expression.Template) e).literal())
              .ifPresent(fromTree::add);
        }
        assertEquals(fromTree, sketch.get(), p.toString());
        compared++;
      }
    }
    assertTrue(compared > 100, "compared " + compared + " files");
  }
}
