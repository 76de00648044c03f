package dev.iamlint.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input → fully parenthesised structure: precedence, associativity, postfix, splats, for. */
class ExpressionTableTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " ~> ", quoteCharacter = '`', value = {
      "1 + 2 * 3 ~> (1 + (2 * 3))",
      "1 * 2 + 3 ~> ((1 * 2) + 3)",
      "1 - 2 - 3 ~> ((1 - 2) - 3)",
      "8 / 4 / 2 ~> ((8 / 4) / 2)",
      "7 % 3 * 2 ~> ((7 % 3) * 2)",
      "a || b && c ~> (a || (b && c))",
      "a && b || c ~> ((a && b) || c)",
      "a == b && c != d ~> ((a == b) && (c != d))",
      "a < b == c > d ~> ((a < b) == (c > d))",
      "a <= b + 1 ~> (a <= (b + 1))",
      "a >= -b ~> (a >= (-b))",
      "-2 * 3 ~> ((-2) * 3)",
      "-a.b[0] ~> (-a.b[0])",
      "!a || b ~> ((!a) || b)",
      "!!a ~> (!(!a))",
      "a ? b : c ? d : e ~> (a ? b : (c ? d : e))",
      "a ? b ? c : d : e ~> (a ? (b ? c : d) : e)",
      "a || b ? 1 : 2 ~> ((a || b) ? 1 : 2)",
      "(1 + 2) * 3 ~> (((1 + 2)) * 3)",
      "count.index-1 ~> count.index-1",
      "count.index - 1 ~> (count.index - 1)",
      "1-2 ~> (1 - 2)",
      "a.b.c ~> a.b.c",
      "a[0].b[\"k\"] ~> a[0].b[\"k\"]",
      "a.0.b ~> a[0].b",
      "a.*.b.c ~> splat.*(a -> it.b.c)",
      "a.*.b[0] ~> splat.*(a -> it.b)[0]",
      "a[*].b[0].c ~> splat[*](a -> it.b[0].c)",
      "a[*] ~> splat[*](a -> it)",
      "a[*].*.b ~> splat[*](a -> splat.*(it -> it.b))",
      "a.*.b[*].c ~> splat[*](splat.*(a -> it.b) -> it.c)",
      "a[*][*].b ~> splat[*](a -> splat[*](it -> it.b))",
      "f(a, b...) ~> f(a, b...)",
      "f(a, b,) ~> f(a, b)",
      "provider::aws::arn_parse(x) ~> provider::aws::arn_parse(x)",
      "core::upper(\"a\") ~> core::upper(\"a\")",
      "[for v in l : v.n if v.ok] ~> [for v in l : v.n if v.ok]",
      "{for k, v in m : k => v...} ~> {for k, v in m : k => v...}",
      "[1, 2, 3,] ~> [1, 2, 3]",
      "{a = 1, \"b\" = 2, (c) = 3} ~> {key:a = 1, \"b\" = 2, (c) = 3}",
      "{true = 1, if = 2} ~> {key:true = 1, key:if = 2}",
      "true && false ~> (true && false)",
      "1.5e3 + 0.25 ~> (1.5e3 + 0.25)",
      "f(g(x))[0] ~> f(g(x))[0]",
  })
  void structure(String source, String expected) {
    assertEquals(expected.trim(), Printer.print(Printer.parseExpression(source.trim())));
  }
}
