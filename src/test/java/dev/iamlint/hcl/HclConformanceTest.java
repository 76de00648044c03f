package dev.iamlint.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamlint.source.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * HashiCorp's conformance data (read from ../shared/corpus/hcl, skipped when absent): the spec
 * suite's files parse or fail where their .t files say; Terraform's valid configurations parse.
 */
class HclConformanceTest {
  static final Path CORPUS = Path.of("..", "shared", "corpus", "hcl");

  static List<Path> files(Path dir, String... extensions) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> Stream.of(extensions).anyMatch(e -> p.toString().endsWith(e)))
          .sorted().toList();
    }
  }

  static HclFile parseOk(Path p) throws IOException {
    HclParseResult r = HclParser.parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
    if (r instanceof HclParseResult.Failed f) fail(p + ": " + f.location().shortForm() + ": " + f.message());
    return ((HclParseResult.Parsed) r).file();
  }

  @TestFactory
  Stream<DynamicTest> specSuite() throws IOException {
    Path suite = CORPUS.resolve("specsuite");
    assumeTrue(Files.isDirectory(suite), "spec suite not present");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path hcl : files(suite, ".hcl")) {
      tests.add(DynamicTest.dynamicTest(suite.relativize(hcl).toString(), () -> specCase(hcl)));
    }
    return tests.stream();
  }

  /**
   * A failure case must fail at the first diagnostic's position: either in the parser or in the
   * decoder spec's schema (an attribute or block the .hcldec does not declare).
   */
  private static void specCase(Path hcl) throws IOException {
    String base = hcl.toString().substring(0, hcl.toString().length() - ".hcl".length());
    Body expectations = parseOk(Path.of(base + ".t")).body();
    Optional<Location> firstError = expectations.blocks("diagnostics").stream()
        .flatMap(d -> d.body().blocks("error").stream()).findFirst()
        .map(e -> {
          Body from = e.body().blocks("from").get(0).body();
          return Location.point(hcl.getFileName().toString(), number(from, "line"), number(from, "column"));
        });
    HclParseResult r = HclParser.parse(hcl.getFileName().toString(), Files.readString(hcl, StandardCharsets.UTF_8));
    Optional<Location> ours = r instanceof HclParseResult.Failed f ? Optional.of(f.location()) : Optional.empty();
    if (ours.isEmpty()) {
      Path spec = Path.of(base + ".hcldec");
      ours = Files.exists(spec) ? schemaError(((HclParseResult.Parsed) r).file().body(), parseOk(spec).body(),
          hcl.getFileName().toString()) : Optional.empty();
    }
    assertEquals(firstError.map(Location::shortForm), ours.map(Location::shortForm),
        r instanceof HclParseResult.Failed f ? f.message() : "parsed");
  }

  private static int number(Body body, String name) {
    Expression e = body.attribute(name).orElseThrow().expression();
    return Integer.parseInt(((Expression.Literal) e).text());
  }

  /** The decoder spec's root object: the attributes and block types it declares. */
  private static Optional<Location> schemaError(Body file, Body spec, String name) {
    List<Body.Block> objects = spec.blocks("object");
    if (objects.isEmpty()) return Optional.empty();
    Set<String> attrs = new HashSet<>();
    Set<String> blocks = new HashSet<>();
    for (Body.Block item : objects.get(0).body().blocks()) {
      if (item.type().equals("attr")) attrs.add(item.labels().get(0).value());
      if (item.type().startsWith("block")) {
        // block, block_list, block_set, block_map: the type is block_type, or the label.
        blocks.add(item.body().attribute("block_type")
            .map(t -> ((Expression.Template) t.expression()).literal().orElseThrow())
            .orElseGet(() -> item.labels().get(0).value()));
      }
    }
    for (Body.Attribute a : file.attributes()) {
      if (!attrs.contains(a.name())) return Optional.of(a.nameRange().location(name).start());
    }
    for (Body.Block b : file.blocks()) {
      if (!blocks.contains(b.type())) return Optional.of(b.typeRange().location(name).start());
    }
    return Optional.empty();
  }

  @TestFactory
  Stream<DynamicTest> terraformValidConfigurationsParse() throws IOException {
    Path configs = CORPUS.resolve("terraform-configs");
    assumeTrue(Files.isDirectory(configs), "terraform configs not present");
    List<DynamicTest> tests = new ArrayList<>();
    for (String dir : List.of("valid-files", "valid-modules")) {
      for (Path tf : files(configs.resolve(dir), ".tf", ".tftest.hcl")) {
        tests.add(DynamicTest.dynamicTest(configs.relativize(tf).toString(), () -> parseOk(tf)));
      }
    }
    assertTrue(tests.size() > 50, "expected the whole corpus");
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFileParsesOrFailsWithALocatedMessage() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path p : files(CORPUS, ".tf", ".hcl", ".t", ".hcldec")) {
      tests.add(DynamicTest.dynamicTest(CORPUS.relativize(p).toString(), () -> {
        HclParseResult r = HclParser.parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
        if (r instanceof HclParseResult.Failed f) {
          assertTrue(f.location().startLine() >= 1 && !f.message().isBlank());
          assertTrue(!f.message().contains("Exception"), f.message());
        } else {
          assertInstanceOf(HclParseResult.Parsed.class, r);
        }
      }));
    }
    return tests.stream();
  }
}
