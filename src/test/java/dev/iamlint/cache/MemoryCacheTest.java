package dev.iamlint.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.report.JsonReporter;
import dev.iamlint.report.Report;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import dev.iamlint.rules.Catalog;
import dev.iamlint.scan.ScanRequest;
import dev.iamlint.scan.ScanResult;
import dev.iamlint.scan.Scanner;
import dev.iamlint.scan.TestScans;
import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.json.JsonLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The cache a long-running process (the language server) keeps in memory. */
class MemoryCacheTest {

  private static String json(List<Path> paths, ParseCache cache) throws IOException {
    ScanResult result = new Scanner().scan(new ScanRequest(Path.of("").toAbsolutePath(), paths, Map.of(), Map.of(), List.of(),
        Map.of(), "aws", RuleSelector.ALL, Severity.INFO, ScanOptions.DEFAULT.withAsOf(TestScans.AS_OF), p -> false, 4)
        .withCache(cache));
    StringBuilder out = new StringBuilder();
    new JsonReporter().write(new Report("test", result.findings(), result.files(), result.resources(), result.errors(),
        Catalog.all()), out);
    return out.toString();
  }

  @Test
  void scansWithAWarmMemoryCacheSayWhatScansWithoutOneSay() throws IOException {
    List<Path> paths = Stream.of("testdata/rules/ADM001", "testdata/rules/CT001", "testdata/rules/SYN001", "testdata/demo")
        .map(Path::of).toList();
    String none = json(paths, ParseCache.NONE);
    MemoryCache memory = MemoryCache.over(ParseCache.NONE, 1 << 24, 1 << 24);
    assertEquals(none, json(paths, memory), "cold");
    int held = memory.entries();
    assertTrue(held > 20, "parse trees and evaluations are held: " + held);
    assertEquals(none, json(paths, memory), "warm");
    assertEquals(held, memory.entries(), "a warm scan of the same texts adds nothing");
  }

  @Test
  void aTreeIsReusedAsTheVeryObjectUntilTheBoundDropsIt() {
    MemoryCache memory = MemoryCache.over(ParseCache.NONE, 40, 1024);
    String a = "locals {\n  a = 1\n}\n";
    String b = "locals {\n  b = 22\n}\n";
    HclParseResult first = memory.hcl("a.tf", a);
    assertSame(first, memory.hcl("a.tf", a));
    // Another name is another entry: locations carry the file's name.
    assertNotSame(first, memory.hcl("other.tf", a));
    // Past 40 characters of text, the least recently used (a.tf) is dropped.
    memory.hcl("b.tf", b);
    assertNotSame(first, memory.hcl("a.tf", a));
    // A YAML or JSON tree is keyed by its syntax too.
    var tree = memory.tree(ParseCache.Syntax.JSON, "t.json", "{}", JsonLoader::parse);
    assertSame(tree, memory.tree(ParseCache.Syntax.JSON, "t.json", "{}", JsonLoader::parse));
  }

  @Test
  void keptResultsAreHeldWithinTheirBound() {
    MemoryCache memory = MemoryCache.over(ParseCache.NONE, 1024, 10);
    byte[] key = {1, 2, 3};
    memory.keep(ParseCache.Kept.EVALUATION, key, new byte[] {9, 8, 7});
    assertArrayEquals(new byte[] {9, 8, 7}, memory.kept(ParseCache.Kept.EVALUATION, key).orElseThrow());
    assertTrue(memory.kept(ParseCache.Kept.MANIFEST, key).isEmpty(), "the kind is part of the key");
    memory.keep(ParseCache.Kept.OUTLINE, new byte[] {4}, new byte[11]);
    assertTrue(memory.kept(ParseCache.Kept.OUTLINE, new byte[] {4}).isEmpty(), "larger than the bound: not held");
    memory.keep(ParseCache.Kept.OUTLINE, new byte[] {5}, new byte[8]);
    assertTrue(memory.kept(ParseCache.Kept.EVALUATION, key).isEmpty(), "dropped to make room");
  }
}
