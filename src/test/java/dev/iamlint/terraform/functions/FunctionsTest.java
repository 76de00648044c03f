package dev.iamlint.terraform.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.iamlint.source.Location;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Terraform's functions, as tables. A row is {@code call => result}: the call is written in a
 * small Terraform-like literal syntax ({@code "..."} with escapes, {@code '...'} raw, numbers,
 * {@code true}, {@code null}, {@code [..]}, {@code {k = v}}, nested calls, and
 * {@code unknown}, {@code unknown(CAUSE)}, {@code unknown(CAUSE, "known${?}text")},
 * {@code oneof(a, b)}); the result is rendered the same way, an unknown as {@code <CAUSE>} or
 * {@code <CAUSE "known${?}text">}. Strings render with their content unescaped except
 * newlines and tabs, so JSON text stays readable.
 */
class FunctionsTest {

  static final Location AT = Location.point("main.tf", 10, 3);

  static final FileAccess FILES = new FileAccess() {
    private final Map<String, String> files = Map.of(
        "policy.json", "{\"Version\":\"2012-10-17\"}",
        "plain.tpl", "static text",
        "tmpl.tpl", "hello ${name}");

    @Override
    public Optional<String> read(String path) {
      return Optional.ofNullable(files.get(path));
    }

    @Override
    public boolean exists(String path) {
      return files.containsKey(path);
    }

    @Override
    public Path moduleDirectory() {
      return Path.of("/scan/module");
    }
  };

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
      jsonencode({b = 1, a = "x"}) => "{"a":"x","b":1}"
      jsonencode(["<a>&", 1.50, true, null]) => "["\\u003ca\\u003e\\u0026",1.5,true,null]"
      jsonencode({z = {y = [], x = {}}, "a b" = 100000000000000000000}) => "{"a b":100000000000000000000,"z":{"x":{},"y":[]}}"
      jsonencode("line\\nbreak \\\\ \\u2028") => ""line\\nbreak \\\\ \\u2028""
      jsonencode(-0.5e3) => "-500"
      jsonencode({"\\u00e9" = 1, Z = 2, a = 3}) => "{"Z":2,"a":3,"\u00e9":1}"
      jsonencode(unknown) => <INPUT>
      jsonencode({a = [1, unknown(DEPLOY_TIME)]}) => <DEPLOY_TIME>
      jsonencode(oneof("a", "b")) => <INPUT>
      jsonencode() => <UNSUPPORTED>
      jsondecode('{"b": 1, "a": [true, null, 1.50, "x"]}') => {b = 1, a = [true, null, 1.5, "x"]}
      jsondecode('"\\u00e9\\ud83d\\ude00 \\/"') => "\u00e9\ud83d\ude00 /"
      jsondecode(' 12e-1 ') => 1.2
      jsondecode(5) => 5
      jsondecode('[1, 2') => <UNSUPPORTED>
      jsondecode('{"a": 1, "a": 2}') => <UNSUPPORTED>
      jsondecode('01') => <UNSUPPORTED>
      jsondecode('[1,]') => <UNSUPPORTED>
      jsondecode('1e999999999') => <UNSUPPORTED>
      jsonencode(jsondecode('[1e3, 0.10, -0]')) => "[1000,0.1,0]"
      jsondecode('') => <UNSUPPORTED>
      jsondecode([1]) => <UNSUPPORTED>
      jsondecode(unknown) => <INPUT>
      jsondecode(jsonencode({b = [1, "2"], a = null})) => {a = null, b = [1, "2"]}
      yamldecode('{b: [x, "y", 2.5, true, ~], a: {c: d}}') => {b = ["x", "y", 2.5, true, null], a = {c = "d"}}
      yamldecode("a: 1\\nb:\\n  - x\\n  - 2") => {a = 1, b = ["x", 2]}
      yamldecode('{1: one, true: yes}') => {"1" = "one", true = true}
      yamldecode("") => null
      yamldecode("a: 1\\n---\\nb: 2") => <UNSUPPORTED>
      yamldecode('[a, b') => <UNSUPPORTED>
      yamldecode('!Ref x') => <UNSUPPORTED>
      yamldecode(jsonencode({a = [1, "x", {b = null}]})) => {a = [1, "x", {b = null}]}
      merge({a = 1, b = 2}, null, {b = 3, c = 4}) => {a = 1, b = 3, c = 4}
      merge({a = unknown}, {b = 1}) => {a = <INPUT>, b = 1}
      merge({a = 1}, unknown) => <INPUT>
      merge({a = 1}, [1]) => <UNSUPPORTED>
      merge() => {}
      concat(["a"], [], ["b", unknown]) => ["a", "b", <INPUT>]
      concat(["a"], unknown(DEPLOY_TIME)) => <DEPLOY_TIME>
      concat(["a"], "b") => <UNSUPPORTED>
      flatten([["a", ["b"]], [], "c", [unknown]]) => ["a", "b", "c", <INPUT>]
      flatten("a") => <UNSUPPORTED>
      distinct(["a", "b", "a", 1, "1"]) => ["a", "b", "1"]
      distinct([1, 2.0, 2]) => [1, 2]
      distinct(["a", unknown]) => <INPUT>
      compact(["a", "", null, unknown, 1]) => ["a", <INPUT>, "1"]
      compact([["a"]]) => <UNSUPPORTED>
      lookup({a = "x", b = "y"}, "b") => "y"
      lookup({a = "x"}, "c", "dflt") => "dflt"
      lookup({a = "x"}, "c") => <UNSUPPORTED>
      lookup({a = unknown(DEPLOY_TIME)}, "a") => <DEPLOY_TIME>
      lookup({a = "x"}, unknown) => <INPUT>
      lookup(["a"], "a") => <UNSUPPORTED>
      element(["a", "b", "c"], 4) => "b"
      element(["a", "b", "c"], -1) => "c"
      element(["a", unknown], "0") => "a"
      element([], 0) => <UNSUPPORTED>
      element(["a"], 1.5) => <UNSUPPORTED>
      keys({b = 1, a = 2, B = 3, "_" = 4}) => ["B", "_", "a", "b"]
      keys(unknown) => <INPUT>
      keys(["a"]) => <UNSUPPORTED>
      values({b = 1, a = 2, c = unknown}) => [2, 1, <INPUT>]
      zipmap(["b", "a"], [1, unknown]) => {b = 1, a = <INPUT>}
      zipmap(["a"], [1, 2]) => <UNSUPPORTED>
      zipmap(["a", unknown], [1, 2]) => <INPUT>
      coalesce(null, "", "b", "c") => "b"
      coalesce(null, unknown, "b") => <INPUT>
      coalesce("a", unknown) => "a"
      coalesce(1, "x") => "1"
      coalesce(oneof("a", "b"), "c") => oneof("a", "b")
      coalesce(oneof("a", ""), "c") => <INPUT>
      coalesce(null, "") => <UNSUPPORTED>
      coalescelist([], ["a"], ["b"]) => ["a"]
      coalescelist([], unknown) => <INPUT>
      coalescelist([], []) => <UNSUPPORTED>
      contains(["a", "b"], "b") => true
      contains(["a", unknown, "b"], "b") => true
      contains(["a", unknown], "c") => <INPUT>
      contains(["1"], 1) => false
      contains([], unknown) => false
      length("he\u0301llo") => 5
      length([1, unknown]) => 2
      length({a = 1, b = 2}) => 2
      length(unknown(INPUT, "a${?}")) => <INPUT>
      length(5) => <UNSUPPORTED>
      format("Hello, %s!", "Ander") => "Hello, Ander!"
      format("%d lights, %v, %v, %v", 4, 1.5, true, [1, "a"]) => "4 lights, 1.5, true, [1,"a"]"
      format("%v|%v|%v", 1000000, 0.0001, 123456) => "1e+06|0.0001|123456"
      format("%q", 'say "hi" <b>') => ""say \\"hi\\" \\u003cb\\u003e""
      format("%t %t", true, "false") => "true false"
      format("%f|%.2f|%.0f", 1.5, 3.14159, 2.5) => "1.500000|3.14|2"
      format("%5s|%-5s|%05d|%+d|%x|%X|%o|%b", "ab", "ab", 42, 7, 255, 255, 8, 5) => "   ab|ab   |00042|+7|ff|FF|10|101"
      format("%e|%g|%.3g", 123456.789, 0.00001, 3.14159) => "1.234568e+05|1e-05|3.14"
      format("%.3s|%6.2f", "abcdef", 3.14159) => "abc|  3.14"
      format("%[2]s %[1]s %s", "a", "b") => "b a b"
      format("%%%s", "x") => "%x"
      format("%v|%#v|%#v", null, "hi", {b = 1, a = [true]}) => "null|"hi"|{"a":[true],"b":1}"
      format("arn:%s:iam::%s:root", unknown, "123") => <INPUT "arn:${?}:iam::123:root">
      format("%s/*", unknown(INPUT, "arn:${?}:s3:::b")) => <INPUT "arn:${?}:s3:::b/*">
      format("%v", 1e999999999) => <UNSUPPORTED>
      format("%s", "a", "b") => <UNSUPPORTED>
      format("%s %s", "a") => <UNSUPPORTED>
      format("%d", 1.5) => <UNSUPPORTED>
      format("%s", null) => <UNSUPPORTED>
      format("%s", ["a"]) => <UNSUPPORTED>
      format("%z", 1) => <UNSUPPORTED>
      format(unknown, 1) => <INPUT>
      formatlist("%s-%s", ["a", "b"], "x") => ["a-x", "b-x"]
      formatlist("%s=%d", ["a", "b"], [1, 2]) => ["a=1", "b=2"]
      formatlist("%s/*", ["a", unknown]) => ["a/*", <INPUT "${?}/*">]
      formatlist("%s %s", ["a"], ["b", "c"]) => <UNSUPPORTED>
      formatlist("%s", unknown) => <INPUT>
      formatlist("x") => ["x"]
      join(", ", ["a", "b"], ["c"]) => "a, b, c"
      join("-", [1, true]) => "1-true"
      join(":", ["arn", unknown, "iam"]) => <INPUT "arn:${?}:iam">
      join(":", ["a", unknown(DEPLOY_TIME, "x${?}y")]) => <DEPLOY_TIME "a:x${?}y">
      join(",", unknown) => <INPUT>
      join(",", ["a", null]) => <UNSUPPORTED>
      join(",") => <UNSUPPORTED>
      split(",", "a,b,,c") => ["a", "b", "", "c"]
      split(",", "") => [""]
      split("", "ab") => ["a", "b"]
      replace("hello world", "o", "0") => "hell0 w0rld"
      replace("a.b.c", ".", "/") => "a/b/c"
      replace("hello world", "/w.*d/", "there") => "hello there"
      replace("arn:aws:s3:::b", '/^arn:(\\w+):/', "arn:${1}-cn:") => "arn:aws-cn:s3:::b"
      replace("ab", '/(a)/', "$1x") => "b"
      replace("ab", '/(?P<first>a)/', "[${first}]") => "[a]b"
      replace("a.b", "/[.]/", "$$") => "a$b"
      replace("abc", "/b*/", "X") => "XaXcX"
      replace("x\\n", "/x$/", "y") => "x\\n"
      replace("x\\ny", "/(?m)x$/", "z") => "z\\ny"
      replace(unknown, "a", "b") => <INPUT>
      replace("a", "/(/", "b") => <UNSUPPORTED>
      regex("[a-z]+", "53453453.345345aaabbbccc23454") => "aaabbbccc"
      regex('(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)', "2019-02-01") => ["2019", "02", "01"]
      regex('^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?', "https://terraform.io/docs/") => {scheme = "https", authority = "terraform.io"}
      regex("(a)|(b)", "b") => [null, "b"]
      regex("a{2}b{", "aab{") => "aab{"
      regex('[[:digit:]]+', "ab12") => "12"
      regex('\\p{Greek}+\\P{^L}', "ab\u03b1\u03b2c") => "\u03b1\u03b2c"
      regex('^\\s*$', "\\u000b") => <UNSUPPORTED>
      regex("x", "abc") => <UNSUPPORTED>
      regex("(?P<a>x)(y)", "xy") => <UNSUPPORTED>
      regex("(?=x)", "x") => <UNSUPPORTED>
      regex("[", "a") => <UNSUPPORTED>
      regexall("[a-z]+", "1234abcd5678efgh9") => ["abcd", "efgh"]
      regexall('(\\w)=(\\d)', "a=1 b=2") => [["a", "1"], ["b", "2"]]
      regexall("x*", "ab") => ["", "", ""]
      length(regexall("z", "abc")) => 0
      lower("HELLO \u00c9") => "hello \u00e9"
      upper("stra\u00dfe") => "STRA\u00dfE"
      upper(unknown(INPUT, "arn:${?}:x")) => <INPUT "ARN:${?}:X">
      upper(oneof("a", "b")) => <INPUT>
      upper(oneof("a", unknown(DEPLOY_TIME))) => <DEPLOY_TIME>
      upper() => <UNSUPPORTED>
      upper("a", "b") => <UNSUPPORTED>
      core::upper("a") => "A"
      title("hello world-foo_bar o'neil") => "Hello World-Foo_bar O'Neil"
      trimprefix("helloworld", "hello") => "world"
      trimprefix("helloworld", "cat") => "helloworld"
      trimsuffix("helloworld", "world") => "hello"
      trimspace("  \\t hi \\n") => "hi"
      trim("?!hello?!", "!?") => "hello"
      substr("hello world", 1, 4) => "ello"
      substr("hello world", -5, -1) => "world"
      substr("hello", 10, 2) => ""
      substr("h\u00e9llo", 1, 1) => "\u00e9"
      substr("abc", 0, "x") => <UNSUPPORTED>
      startswith("hello world", "hello") => true
      endswith("hello world", "hello") => false
      startswith(unknown(INPUT, "arn:${?}"), "arn:") => true
      startswith(unknown(INPUT, "arn:${?}"), "urn:") => false
      startswith(unknown(INPUT, "ar${?}"), "arn:") => <INPUT>
      endswith(unknown(INPUT, "${?}/*"), "/*") => true
      strcontains("hello", "ell") => true
      chomp("hi\\r\\n\\n") => "hi"
      indent(2, "a\\nb") => "a\\n  b"
      strrev("abc") => "cba"
      tostring(1.0) => "1"
      tostring(true) => "true"
      tostring(null) => null
      tostring([1]) => <UNSUPPORTED>
      tonumber("1.50") => 1.5
      tonumber("abc") => <UNSUPPORTED>
      tonumber(true) => <UNSUPPORTED>
      tobool("true") => true
      tobool("yes") => <UNSUPPORTED>
      tobool(unknown(DEPLOY_TIME)) => <DEPLOY_TIME>
      tolist(["a", 1, true]) => ["a", "1", "true"]
      tolist(["a", ["b"]]) => <UNSUPPORTED>
      tolist({a = 1}) => <UNSUPPORTED>
      tolist(["a", unknown]) => ["a", <INPUT>]
      toset(["b", "a", "b", "C"]) => ["C", "a", "b"]
      toset([10, 9, 10]) => [9, 10]
      toset(["b", unknown, "a"]) => ["a", "b", <INPUT>]
      toset([1, "a"]) => ["1", "a"]
      tomap({a = 1, b = "x"}) => {a = "1", b = "x"}
      tomap(["a"]) => <UNSUPPORTED>
      base64encode("Hello World") => "SGVsbG8gV29ybGQ="
      base64decode("SGVsbG8gV29ybGQ=") => "Hello World"
      base64decode("SGVsbG8") => <UNSUPPORTED>
      base64decode("/w==") => <UNSUPPORTED>
      md5("hello world") => "5eb63bbbe01eeed093cb22bb8f5acdc3"
      sha1("hello world") => "2aae6c35c94fcfb415dbe95f408b9ce91ee846ed"
      sha256("hello world") => "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
      sha512("") => "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
      base64sha256("hello world") => "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="
      base64sha512("") => "z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="
      sha256(unknown) => <INPUT>
      urlencode("Hello World?a=b&c=~d") => "Hello+World%3Fa%3Db%26c%3D~d"
      uuidv5("dns", "www.terraform.io") => "a5008fae-b28c-5ba5-96cd-82b4c53552d6"
      uuidv5("nope", "x") => <UNSUPPORTED>
      uuid() => <DEPLOY_TIME>
      timestamp() => <DEPLOY_TIME>
      plantimestamp() => <DEPLOY_TIME>
      bcrypt("secret") => <DEPLOY_TIME>
      file("policy.json") => "{"Version":"2012-10-17"}"
      jsondecode(file("policy.json")) => {Version = "2012-10-17"}
      file("../etc/passwd") => <INPUT>
      file(unknown(DEPLOY_TIME)) => <DEPLOY_TIME>
      fileexists("policy.json") => true
      fileexists("nope.json") => <INPUT>
      templatefile("plain.tpl", {}) => "static text"
      templatefile("plain.tpl", unknown) => "static text"
      templatefile("tmpl.tpl", {name = "x"}) => <UNSUPPORTED>
      templatefile("plain.tpl", "x") => <UNSUPPORTED>
      templatefile("nope.tpl", {}) => <INPUT>
      abspath("/a/b/../c") => "/a/c"
      abspath("x/../y.json") => "/scan/module/y.json"
      dirname("foo/bar/baz.txt") => "foo/bar"
      dirname("baz.txt") => "."
      basename("foo/bar/baz.txt") => "baz.txt"
      basename("foo/bar/") => "bar"
      pathexpand("~/.ssh") => <INPUT>
      pathexpand("/etc") => "/etc"
      sort(["e", "d", "a", "x", "B"]) => ["B", "a", "d", "e", "x"]
      sort([10, 9]) => ["10", "9"]
      sort(["a", unknown]) => <INPUT>
      reverse([1, unknown, 3]) => [3, <INPUT>, 1]
      slice(["a", "b", "c", "d"], 1, 3) => ["b", "c"]
      slice(["a"], 0, 2) => <UNSUPPORTED>
      range(3) => [0, 1, 2]
      range(4, 1) => [4, 3, 2]
      range(0, 1, 0.25) => [0, 0.25, 0.5, 0.75]
      range(1, 0, 1) => <UNSUPPORTED>
      range(0, 5000) => <UNSUPPORTED>
      index(["a", "b", "c"], "b") => 1
      index(["a"], "z") => <UNSUPPORTED>
      index([unknown, "b"], "b") => <INPUT>
      one([]) => null
      one(["a"]) => "a"
      one(["a", "b"]) => <UNSUPPORTED>
      alltrue([true, "true"]) => true
      alltrue([]) => true
      alltrue([unknown, false]) => false
      alltrue([true, unknown]) => <INPUT>
      anytrue([false, unknown, true]) => true
      anytrue([]) => false
      anytrue([false, unknown]) => <INPUT>
      sum([1, 2.5, "3"]) => 6.5
      sum([]) => <UNSUPPORTED>
      sum([1, unknown]) => <INPUT>
      max(12, 54, 3) => 54
      min(12, "-4.5", 3) => -4.5
      max() => <UNSUPPORTED>
      abs(-12.4) => 12.4
      ceil(5.1) => 6
      floor(-5.1) => -6
      ceil(1e999999999) => 1E+999999999
      pow(3, 2) => 9
      pow(2, 0.5) => 1.4142135623730951
      log(16, 2) => 4
      signum(-13) => -1
      parseint("100", 10) => 100
      parseint("FF", 16) => 255
      parseint("-1010", 2) => -10
      parseint("zA", 62) => 2206
      parseint("12", 2) => <UNSUPPORTED>
      setunion(["b", "a"], ["b", "c"]) => ["a", "b", "c"]
      setintersection(["a", "b"], ["b", "c"], ["b", "d"]) => ["b"]
      setsubtract(["a", "b", "c"], ["a", "c"]) => ["b"]
      setsubtract(["a", unknown], ["a"]) => <INPUT>
      setproduct(["a", "b"], [1, 2]) => [["a", 1], ["a", 2], ["b", 1], ["b", 2]]
      chunklist(["a", "b", "c"], 2) => [["a", "b"], ["c"]]
      chunklist(["a", "b"], 0) => [["a", "b"]]
      transpose({a = ["1", "2"], b = ["2", "3"]}) => {"1" = ["a"], "2" = ["a", "b"], "3" = ["b"]}
      matchkeys(["i-1", "i-2", "i-3"], ["us-west", "us-east", "us-east"], ["us-east"]) => ["i-2", "i-3"]
      sensitive("secret") => "secret"
      nonsensitive(unknown) => <INPUT>
      """)
  void evaluates(String call, String expected) {
    assertEquals(expected, render(eval(call)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
      jsonencode({a = unknown}) => jsonencode of an unknown value (var.x)
      format("%s", oneof("a", "b")) => format of an unknown value (one of 2 alternatives)
      upper(1, 2) => upper: expects 1 argument, got 2
      lookup() => lookup: expects 2 to 3 arguments, got 0
      lookup({a = 1}, "b") => lookup: the map has no key "b"
      element([], 0) => element: cannot use element function with an empty list
      regex("x", "abc") => regex: the pattern did not match any part of the given string
      jsondecode('[1,') => jsondecode: invalid JSON: unexpected end of text at offset 3
      tonumber("abc") => tonumber: cannot convert "abc" to number; given string must be a decimal representation of a number
      format("%d", "x") => format: unsupported value for "%d" at 0: the value must be a number, and "x" is not
      file("missing.txt") => file missing.txt is not in the scan root or does not exist
      templatefile("tmpl.tpl", {}) => templatefile is rendered by the evaluator
      uuid() => uuid() gives a different value on every run
      """)
  void explainsWhy(String call, String reason) {
    Value.Unknown u = assertInstanceOf(Value.Unknown.class, eval(call));
    assertEquals(reason, u.reason());
    assertTrue(u.reference().isEmpty());
  }

  @Test
  void jsonencodeKeepsTheEncodedStructureAndItsProvenance() {
    Location stmtAt = Location.point("main.tf", 4, 7);
    Provenance from = Provenance.of("default of variable policy", stmtAt);
    Value effect = new Value.Str("Allow", Location.point("main.tf", 6, 16), Provenance.LITERAL);
    Value doc = map(Map.entry("Version", str("2012-10-17")),
        Map.entry("Statement", list(map(Map.entry("Effect", effect), Map.entry("Action", str("s3:*"))))));
    doc = doc.withOrigin(stmtAt, from);
    Value.Str json = assertInstanceOf(Value.Str.class, call("jsonencode", doc));
    assertEquals("{\"Statement\":[{\"Action\":\"s3:*\",\"Effect\":\"Allow\"}],\"Version\":\"2012-10-17\"}", json.value());
    assertSame(doc, json.encoded().orElseThrow());
    assertEquals(AT, json.location());
    assertEquals(from, json.provenance());
    Value.MapV inner = (Value.MapV) json.encoded().get();
    assertSame(effect, ((Value.MapV) ((Value.ListV) inner.get("Statement").orElseThrow()).items().get(0))
        .get("Effect").orElseThrow());
  }

  @Test
  void jsondecodeLocatesEverythingAtTheCallWithTheArgumentsProvenance() {
    Provenance from = Provenance.of("variable doc");
    Value text = new Value.Str("{\"a\": [1, {\"b\": null}]}", Location.point("vars.tf", 2, 2), from);
    Value.MapV m = assertInstanceOf(Value.MapV.class, call("jsondecode", text));
    List<Value> all = new ArrayList<>();
    collect(m, all);
    assertEquals(5, all.size());
    for (Value v : all) {
      assertEquals(AT, v.location(), v.toString());
      assertEquals(from, v.provenance(), v.toString());
    }
    assertEquals(AT, m.entries().get(0).keyLocation());
  }

  @Test
  void anUnknownResultKeepsTheCauseButNotTheReference() {
    Value u = new Value.Unknown(Value.Cause.DEPLOY_TIME, "aws_iam_role.r.arn",
        Optional.of(new Reference("root", "aws_iam_role.r", "arn")), Optional.empty(), Location.point("a.tf", 1, 1),
        Provenance.LITERAL);
    Value.Unknown r = assertInstanceOf(Value.Unknown.class, call("upper", u));
    assertEquals(Value.Cause.DEPLOY_TIME, r.cause());
    assertEquals("upper of an unknown value (aws_iam_role.r.arn)", r.reason());
    assertTrue(r.reference().isEmpty());
    assertTrue(r.partial().isEmpty());
    assertEquals(AT, r.location());
  }

  /** A secret stays a secret through functions, the way Terraform keeps a value's sensitive mark. */
  @Test
  void anUnknownResultKeepsASecretReference() {
    Value u = new Value.Unknown(Value.Cause.DEPLOY_TIME, "aws_iam_access_key.k.secret",
        Optional.of(new Reference("root", "aws_iam_access_key.k", "secret")), Optional.empty(), Location.point("a.tf", 1, 1),
        Provenance.LITERAL);
    Value.Unknown r = assertInstanceOf(Value.Unknown.class, call("base64encode", u));
    assertEquals(Optional.of(new Reference("root", "aws_iam_access_key.k", "secret")), r.reference());
    Value.Unknown nested = assertInstanceOf(Value.Unknown.class, call("jsonencode",
        new Value.ListV(List.of(new Value.Str("x", AT, Provenance.LITERAL), u), AT, Provenance.LITERAL)));
    assertEquals(Optional.of(new Reference("root", "aws_iam_access_key.k", "secret")), nested.reference());
  }

  @Test
  void collectionResultsKeepTheLocationsOfTheirElements() {
    Value a = new Value.Str("a", Location.point("x.tf", 3, 4), Provenance.LITERAL);
    Value.ListV c = assertInstanceOf(Value.ListV.class, call("concat", list(a), list(str("b"))));
    assertSame(a, c.items().get(0));
    assertEquals(AT, c.location());
    Location keyAt = Location.point("x.tf", 7, 2);
    Value m = new Value.MapV(List.of(new Value.MapV.Entry("k", keyAt, num(1))), Location.point("x.tf", 7, 1),
        Provenance.LITERAL);
    Value.ListV keys = assertInstanceOf(Value.ListV.class, call("keys", m));
    assertEquals(keyAt, keys.items().get(0).location());
    Value.Str picked = assertInstanceOf(Value.Str.class, call("element", list(a), num(0)));
    assertEquals(AT, picked.location());
  }

  @Test
  void aPolicyWrittenInYamlDecodesAsJsonWould() {
    String yaml = "Version: \"2012-10-17\"\nStatement:\n  - Effect: Allow\n    Action: [\"s3:GetObject\"]\n"
        + "    Resource: \"*\"\n";
    String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],"
        + "\"Resource\":\"*\"}]}";
    Value fromYaml = call("yamldecode", str(yaml));
    Value fromJson = call("jsondecode", str(json));
    assertEquals(render(fromJson), render(fromYaml));
    Value.Str encoded = assertInstanceOf(Value.Str.class, call("jsonencode", fromYaml));
    assertEquals("{\"Statement\":[{\"Action\":[\"s3:GetObject\"],\"Effect\":\"Allow\",\"Resource\":\"*\"}],"
        + "\"Version\":\"2012-10-17\"}", encoded.value());
    assertEquals(render(call("jsonencode", fromJson)), render(encoded));
  }

  @Test
  void everyImplementedFunctionHasATableRow() throws Exception {
    Set<String> used = new TreeSet<>();
    Matcher m = Pattern.compile("([a-z0-9_:]+)\\(").matcher(tableText());
    while (m.find()) used.add(m.group(1).replace("core::", ""));
    List<String> missing = new ArrayList<>(Functions.names());
    missing.removeAll(used);
    assertEquals(List.of(), missing);
  }

  @Test
  void namesAreSortedAndLookupHandlesThePrefix() {
    List<String> names = Functions.names();
    assertTrue(names.size() > 90, "implemented: " + names.size());
    assertEquals(new ArrayList<>(new TreeSet<>(names)), names);
    assertTrue(Functions.get("core::jsonencode").isPresent());
    assertFalse(Functions.get("nosuchfunction").isPresent());
    assertFalse(Functions.get("try").isPresent());
    assertFalse(Functions.get("can").isPresent());
  }

  /** Every function, with odd arguments of every kind: a value located at the call, never an exception. */
  @Test
  void neverThrowsAndAlwaysAnswersAtTheCall() {
    List<Value> odd = List.of(str(""), str("x"), str("/(/"), num(-1), num(new BigDecimal("1e400")), num(0.5),
        new Value.Bool(true, AT, Provenance.LITERAL), new Value.Null(AT, Provenance.LITERAL), list(), list(str("a"), num(1)),
        list(list(str("a"))), map(), map(Map.entry("a", list(str("b")))), unknown(), oneOf(str("a"), num(1)),
        new Value.Unknown(Value.Cause.INPUT, "p", Optional.empty(), Optional.of("a" + Value.Unknown.HOLE), AT,
            Provenance.LITERAL));
    int calls = 0;
    for (String name : Functions.names()) {
      TfFunction f = Functions.get(name).orElseThrow();
      List<List<Value>> argLists = new ArrayList<>();
      argLists.add(List.of());
      for (Value a : odd) {
        argLists.add(List.of(a));
        for (Value b : odd) {
          argLists.add(List.of(a, b));
          argLists.add(List.of(b, a, a));
        }
      }
      for (List<Value> args : argLists) {
        Value r;
        try {
          r = f.call(args, AT, FILES);
        } catch (RuntimeException e) {
          throw new AssertionError(name + args + " threw " + e, e);
        }
        assertNotNull(r, name + args);
        assertEquals(AT, r.location(), name + args + " gave " + r);
        calls++;
      }
    }
    assertTrue(calls > 40_000, "calls: " + calls);
  }

  // ---- values ----

  static Value str(String s) {
    return new Value.Str(s, Location.point("args.tf", 1, 1), Provenance.LITERAL);
  }

  static Value num(double n) {
    return num(BigDecimal.valueOf(n));
  }

  static Value num(BigDecimal n) {
    return new Value.Num(n, Location.point("args.tf", 1, 1), Provenance.LITERAL);
  }

  static Value list(Value... items) {
    return new Value.ListV(Arrays.asList(items), Location.point("args.tf", 1, 1), Provenance.LITERAL);
  }

  @SafeVarargs
  static Value map(Map.Entry<String, Value>... entries) {
    List<Value.MapV.Entry> es = new ArrayList<>();
    for (Map.Entry<String, Value> e : entries) {
      es.add(new Value.MapV.Entry(e.getKey(), Location.point("args.tf", 1, 1), e.getValue()));
    }
    return new Value.MapV(es, Location.point("args.tf", 1, 1), Provenance.LITERAL);
  }

  static Value unknown() {
    return unknown(Value.Cause.INPUT, null);
  }

  static Value unknown(Value.Cause cause, String partial) {
    return new Value.Unknown(cause, "var.x", Optional.empty(),
        Optional.ofNullable(partial).map(p -> p.replace("${?}", String.valueOf(Value.Unknown.HOLE))),
        Location.point("args.tf", 1, 1), Provenance.LITERAL);
  }

  static Value oneOf(Value... alternatives) {
    return new Value.OneOf(Arrays.asList(alternatives), Location.point("args.tf", 1, 1), Provenance.LITERAL);
  }

  static Value call(String name, Value... args) {
    return Functions.get(name).orElseThrow().call(Arrays.asList(args), AT, FILES);
  }

  private static void collect(Value v, List<Value> out) {
    out.add(v);
    if (v instanceof Value.ListV l) l.items().forEach(i -> collect(i, out));
    if (v instanceof Value.MapV m) m.entries().forEach(e -> collect(e.value(), out));
  }

  private static String tableText() throws NoSuchMethodException {
    return FunctionsTest.class.getDeclaredMethod("evaluates", String.class, String.class)
        .getAnnotation(CsvSource.class).textBlock();
  }

  // ---- the literal syntax of the tables ----

  static Value eval(String call) {
    Parser p = new Parser(call);
    Value v = p.value();
    p.space();
    if (p.i != call.length()) fail("unexpected text at " + p.i + " in " + call);
    return v;
  }

  private static final class Parser {
    final String s;
    int i;

    Parser(String s) {
      this.s = s;
    }

    void space() {
      while (i < s.length() && s.charAt(i) == ' ') i++;
    }

    void expect(char c) {
      space();
      if (i >= s.length() || s.charAt(i) != c) fail("expected '" + c + "' at " + i + " in " + s);
      i++;
    }

    boolean peek(char c) {
      space();
      return i < s.length() && s.charAt(i) == c;
    }

    Location here() {
      return Location.point("args.tf", 1, i + 1);
    }

    Value value() {
      space();
      Location at = here();
      char c = s.charAt(i);
      if (c == '"' || c == '\'') return new Value.Str(string(), at, Provenance.LITERAL);
      if (c == '[') {
        i++;
        List<Value> items = new ArrayList<>();
        while (!peek(']')) {
          items.add(value());
          if (!peek(']')) expect(',');
        }
        i++;
        return new Value.ListV(items, at, Provenance.LITERAL);
      }
      if (c == '{') {
        i++;
        List<Value.MapV.Entry> entries = new ArrayList<>();
        while (!peek('}')) {
          Location keyAt = here();
          String key = peek('"') || peek('\'') ? string() : identifier();
          expect('=');
          entries.add(new Value.MapV.Entry(key, keyAt, value()));
          if (!peek('}')) expect(',');
        }
        i++;
        return new Value.MapV(entries, at, Provenance.LITERAL);
      }
      if (c == '-' || Character.isDigit(c)) {
        int start = i++;
        while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) i++;
        return new Value.Num(new BigDecimal(s.substring(start, i)), at, Provenance.LITERAL);
      }
      String name = identifier();
      switch (name) {
        case "true":
          return new Value.Bool(true, at, Provenance.LITERAL);
        case "false":
          return new Value.Bool(false, at, Provenance.LITERAL);
        case "null":
          return new Value.Null(at, Provenance.LITERAL);
        case "unknown": {
          if (!peek('(')) return unknown();
          i++;
          Value.Cause cause = Value.Cause.valueOf(identifier());
          String partial = null;
          if (peek(',')) {
            i++;
            space();
            partial = string();
          }
          expect(')');
          return unknown(cause, partial);
        }
        case "oneof":
          return new Value.OneOf(arguments(), at, Provenance.LITERAL);
        default:
          TfFunction f = Functions.get(name).orElseThrow(() -> new AssertionError("no function " + name));
          return f.call(arguments(), AT, FILES);
      }
    }

    List<Value> arguments() {
      expect('(');
      List<Value> args = new ArrayList<>();
      while (!peek(')')) {
        args.add(value());
        if (!peek(')')) expect(',');
      }
      i++;
      return args;
    }

    String identifier() {
      space();
      int start = i;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == ':')) i++;
      if (start == i) fail("expected a name at " + i + " in " + s);
      return s.substring(start, i);
    }

    /** "..." with \n \t \r \" \\ \\uXXXX escapes, or '...' taken as written. */
    String string() {
      char quote = s.charAt(i++);
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (i >= s.length()) fail("unterminated string in " + s);
        char c = s.charAt(i++);
        if (c == quote) return sb.toString();
        if (c != '\\' || quote == '\'') {
          sb.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'u' -> {
            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> sb.append(e);
        }
      }
    }
  }

  static String render(Value v) {
    if (v instanceof Value.Str s) {
      return "\"" + s.value().replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r") + "\"";
    }
    if (v instanceof Value.Num n) {
      if (n.value().signum() == 0) return "0";
      BigDecimal d = n.value().stripTrailingZeros();
      return Math.abs(d.scale()) > 10_000 ? d.toString() : d.toPlainString();
    }
    if (v instanceof Value.Bool b) return Boolean.toString(b.value());
    if (v instanceof Value.Null) return "null";
    if (v instanceof Value.ListV l) {
      List<String> items = new ArrayList<>();
      for (Value i : l.items()) items.add(render(i));
      return "[" + String.join(", ", items) + "]";
    }
    if (v instanceof Value.MapV m) {
      List<String> items = new ArrayList<>();
      for (Value.MapV.Entry e : m.entries()) {
        String key = e.key().matches("[A-Za-z_][A-Za-z0-9_-]*") ? e.key() : "\"" + e.key() + "\"";
        items.add(key + " = " + render(e.value()));
      }
      return "{" + String.join(", ", items) + "}";
    }
    if (v instanceof Value.Unknown u) {
      return "<" + u.cause() + u.partial().map(p -> " \"" + p.replace(String.valueOf(Value.Unknown.HOLE), "${?}") + "\"")
          .orElse("") + ">";
    }
    Value.OneOf o = (Value.OneOf) v;
    List<String> items = new ArrayList<>();
    for (Value i : o.alternatives()) items.add(render(i));
    return "oneof(" + String.join(", ", items) + ")";
  }
}
