package dev.iamlint.terraform.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamlint.hcl.Body;
import dev.iamlint.hcl.Expression;
import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.terraform.loader.ModuleConfig;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.io.IOException;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The spec suite's success cases, by value: each .hcl file is decoded with its .hcldec spec
 * (object, attr, block, block_map, literal) and evaluated with our evaluator, with the spec's
 * variables in scope; the result must equal the .t file's {@code result}.
 */
class SpecSuiteValuesTest {
  private static final Path SUITE = Path.of("..", "shared", "corpus", "hcl", "specsuite");

  @TestFactory
  Stream<DynamicTest> values() throws IOException {
    assumeTrue(Files.isDirectory(SUITE), "spec suite not present");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(SUITE)) {
      for (Path t : walk.filter(p -> p.toString().endsWith(".t")).sorted().toList()) {
        Body expectations = parse(t);
        if (expectations.attribute("result").isEmpty()) continue;
        tests.add(DynamicTest.dynamicTest(SUITE.relativize(t).toString(), () -> check(t, expectations)));
      }
    }
    assumeTrue(!tests.isEmpty());
    return tests.stream();
  }

  private static Body parse(Path p) throws IOException {
    HclParseResult r = HclParser.parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
    if (r instanceof HclParseResult.Failed f) throw new AssertionError(p + ": " + f.message());
    return ((HclParseResult.Parsed) r).file().body();
  }

  private static void check(Path t, Body expectations) throws IOException {
    String base = t.toString().substring(0, t.toString().length() - 2);
    Body spec = parse(Path.of(base + ".hcldec"));
    Body file = parse(Path.of(base + ".hcl"));
    ModuleInstance evaluator = ModuleInstance.constants(Project.constants("aws"), new ModuleConfig(SUITE, "specsuite", List.of()));
    Scope variables = Scope.EMPTY;
    for (Body.Block v : spec.blocks("variables")) {
      for (Body.Attribute a : v.body().attributes()) {
        variables = variables.with(a.name(), evaluator.eval(a.expression(), Scope.EMPTY, "spec"));
      }
    }
    Body.Block root = spec.blocks().stream().filter(b -> !b.type().equals("variables")).findFirst().orElseThrow();
    Value actual = decode(root, file, evaluator, variables);
    Value expected = evaluator.eval(expectations.attribute("result").orElseThrow().expression(), Scope.EMPTY, "t");
    assertEquals(render(expected), render(actual));
  }

  /** A small hcldec: the spec kinds the suite uses. */
  private static Value decode(Body.Block spec, Body body, ModuleInstance evaluator, Scope variables) {
    switch (spec.type()) {
      case "literal":
        return evaluator.eval(spec.body().attribute("value").orElseThrow().expression(), Scope.EMPTY, "spec");
      case "object": {
        List<Value.MapV.Entry> entries = new ArrayList<>();
        for (Body.Block item : spec.body().blocks()) {
          String name = item.labels().isEmpty() ? "" : item.labels().get(0).value();
          Value v = decode(item, body, evaluator, variables);
          if (!(v instanceof Value.Null) || item.type().equals("attr")) entries.add(new Value.MapV.Entry(name, null, v));
        }
        return new Value.MapV(entries, null, Provenance.LITERAL);
      }
      case "attr": {
        String name = item(spec);
        Optional<Body.Attribute> a = body.attribute(name);
        return a.map(x -> evaluator.eval(x.expression(), variables, "hcl"))
            .orElse(new Value.Null(null, Provenance.LITERAL));
      }
      case "block": {
        String type = spec.body().attribute("block_type").map(a -> text(a.expression()))
            .orElseGet(() -> spec.labels().get(0).value());
        Body.Block inner = spec.body().blocks().get(0);
        return body.blocks(type).stream().findFirst().map(b -> decode(inner, b.body(), evaluator, variables))
            .orElse(new Value.Null(null, Provenance.LITERAL));
      }
      case "block_map": {
        String type = spec.labels().get(0).value();
        Body.Block inner = spec.body().blocks().get(0);
        List<Value.MapV.Entry> entries = new ArrayList<>();
        for (Body.Block b : body.blocks(type)) {
          entries.add(new Value.MapV.Entry(b.labels().get(0).value(), null, decode(inner, b.body(), evaluator, variables)));
        }
        return new Value.MapV(entries, null, Provenance.LITERAL);
      }
      default:
        throw new AssertionError("spec kind " + spec.type() + " is not supported by this test");
    }
  }

  private static String item(Body.Block spec) {
    return spec.labels().isEmpty() ? text(spec.body().attribute("name").orElseThrow().expression()) : spec.labels().get(0).value();
  }

  private static String text(Expression e) {
    return ((Expression.Template) e).literal().orElseThrow();
  }

  /**
   * Canonical text of a value: maps sorted by key, numbers to 60 significant digits. cty does
   * fractional arithmetic in 512-bit binary floats, we do it in decimal: 11 % 5.1 differs from
   * 0.8 only at the 156th digit, which no configuration can tell apart.
   */
  private static String render(Value v) {
    if (v instanceof Value.Str s) return "\"" + s.value() + "\"";
    if (v instanceof Value.Num n) {
      return n.value().round(new MathContext(60)).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Value.Bool b) return Boolean.toString(b.value());
    if (v instanceof Value.Null) return "null";
    if (v instanceof Value.ListV l) return l.items().stream().map(SpecSuiteValuesTest::render).collect(Collectors.joining(", ", "[", "]"));
    if (v instanceof Value.MapV m) {
      return m.entries().stream().sorted((a, b) -> a.key().compareTo(b.key()))
          .map(e -> e.key() + " = " + render(e.value())).collect(Collectors.joining(", ", "{", "}"));
    }
    return v.display();
  }
}
