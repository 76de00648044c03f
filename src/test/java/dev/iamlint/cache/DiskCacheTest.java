package dev.iamlint.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.hcl.HclParser;
import dev.iamlint.json.JsonLoader;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The cache directory: hits, refusals of bad entries, eviction, where it may live. Never the real home. */
class DiskCacheTest {
  @TempDir
  Path dir;

  private final List<String> notes = new ArrayList<>();

  private static final String VERSION = "9.9.9-test";

  private static String terraform(int i) {
    return """
        resource "aws_iam_role" "r%1$d" {
          name = "${var.env}-role-%1$d"
          assume_role_policy = jsonencode({
            Statement = [for s in local.s%1$d : { Effect = "Allow", Action = s, Resource = "*" }]
          })
        }
        """.formatted(i);
  }

  private DiskCache open() {
    return open(DiskCache.DEFAULT_MAX_BYTES);
  }

  private DiskCache open(long maxBytes) {
    return assertInstanceOf(DiskCache.class, DiskCache.open(dir.resolve("cache"), VERSION, maxBytes, notes::add));
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> walk = Files.walk(dir.resolve("cache"))) {
      return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  @Test
  void aSecondRunReusesTheParseUnderItsOwnName() throws IOException {
    DiskCache first = open();
    assertEquals(HclParser.parse("a/main.tf", terraform(1)), first.hcl("a/main.tf", terraform(1)));
    assertEquals(new DiskCache.Stats(0, 1, 0, 1), first.stats());
    assertEquals(1, entries().size());
    assertTrue(entries().get(0).toString().contains("/cache/v" + DiskCache.FORMAT_VERSION + "/"), entries().toString());

    DiskCache second = open();
    assertEquals(HclParser.parse("b/copy.tf", terraform(1)), second.hcl("b/copy.tf", terraform(1)));
    assertEquals(new DiskCache.Stats(1, 0, 0, 0), second.stats());
  }

  @Test
  void theParserIsPartOfTheKey() {
    String text = "{\"Resources\": {\"A\": {\"Type\": \"AWS::IAM::Role\"}}}";
    DiskCache cache = open();
    assertEquals(JsonLoader.parse("t.json", text), cache.tree(ParseCache.Syntax.JSON, "t.json", text, JsonLoader::parse));
    assertEquals(YamlLoader.parse("t.json", text), cache.tree(ParseCache.Syntax.YAML, "t.json", text, YamlLoader::parse));
    assertEquals(new DiskCache.Stats(0, 2, 0, 2), cache.stats());
    assertEquals(JsonLoader.parse("u.json", text), open().tree(ParseCache.Syntax.JSON, "u.json", text, JsonLoader::parse));
  }

  @Test
  void failuresAreParsedEveryTime() throws IOException {
    DiskCache cache = open();
    assertEquals(HclParser.parse("t.tf", "resource {\n"), cache.hcl("t.tf", "resource {\n"));
    assertInstanceOf(ParseResult.Failed.class, cache.tree(ParseCache.Syntax.YAML, "t.yaml", "a: [\n", YamlLoader::parse));
    assertEquals(new DiskCache.Stats(0, 2, 0, 0), cache.stats());
    assertTrue(entries().isEmpty());
  }

  /** What can happen to an entry between two runs. */
  enum Damage {
    EMPTY, TRUNCATED, FLIPPED_PAYLOAD_BYTE, FLIPPED_CHECKSUM, BAD_MAGIC, OTHER_FORMAT, FOREIGN_VERSION, OTHER_KIND,
    WRONG_CONTENT_HASH, TRAILING_BYTE, UNDECODABLE_PAYLOAD_WITH_VALID_CHECKSUM, TOO_LARGE
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Damage.class)
  void aDamagedEntryIsIgnoredAndRebuilt(Damage damage) throws IOException {
    String text = terraform(2);
    open().hcl("main.tf", text);
    Path entry = entries().get(0);
    byte[] good = Files.readAllBytes(entry);
    byte[] payload = DiskCache.unwrap(good, VERSION, (byte) 1, DiskCache.contentHash(text)).orElseThrow();
    byte[] hash = DiskCache.contentHash(text);
    byte[] bad = switch (damage) {
      case EMPTY -> new byte[0];
      case TRUNCATED -> Arrays.copyOf(good, good.length / 2);
      case FLIPPED_PAYLOAD_BYTE -> flip(good, good.length - 20);
      case FLIPPED_CHECKSUM -> flip(good, good.length - 1);
      case BAD_MAGIC -> flip(good, 0);
      case OTHER_FORMAT -> flip(good, 7);
      case FOREIGN_VERSION -> DiskCache.wrap(payload, "0.0.1", (byte) 1, hash);
      case OTHER_KIND -> DiskCache.wrap(payload, VERSION, (byte) 2, hash);
      case WRONG_CONTENT_HASH -> DiskCache.wrap(payload, VERSION, (byte) 1, DiskCache.contentHash(text + " "));
      case TRAILING_BYTE -> Arrays.copyOf(good, good.length + 1);
      case UNDECODABLE_PAYLOAD_WITH_VALID_CHECKSUM -> DiskCache.wrap(new byte[] {0, 9}, VERSION, (byte) 1, hash);
      case TOO_LARGE -> Arrays.copyOf(good, DiskCache.MAX_PAYLOAD_BYTES + 2048);
    };
    Files.write(entry, bad);

    DiskCache second = open();
    assertEquals(HclParser.parse("main.tf", text), second.hcl("main.tf", text));
    DiskCache.Stats stats = second.stats();
    assertEquals(1, stats.rejected(), damage + " " + stats);
    assertEquals(1, stats.written(), damage + " " + stats);
    assertEquals(List.of(entry), entries());
    assertEquals(new DiskCache.Stats(1, 0, 0, 0), hitOnce(text));
  }

  private DiskCache.Stats hitOnce(String text) {
    DiskCache third = open();
    third.hcl("main.tf", text);
    return third.stats();
  }

  private static byte[] flip(byte[] b, int at) {
    byte[] copy = b.clone();
    copy[at] ^= 0x5a;
    return copy;
  }

  @Test
  void evictionKeepsTheBoundAndTheRecentlyUsed() throws IOException {
    long max = 16 * 1024;
    DiskCache cache = open(max);
    long now = System.currentTimeMillis();
    Map<Integer, Path> entryOf = new HashMap<>();
    Set<Path> before = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      cache.hcl("f" + i + ".tf", terraform(i));
      Path added = entries().stream().filter(p -> !before.contains(p)).findFirst().orElseThrow();
      before.add(added);
      entryOf.put(i, added);
      Files.setLastModifiedTime(added, FileTime.fromMillis(now - (10_000_000L - i * 100_000L)));
    }
    long total = size(entries());
    assertTrue(total > max, "the test must overflow the bound: " + total);
    // Entry 0 is the oldest, but a later run uses it.
    DiskCache later = open(max);
    later.hcl("f0.tf", terraform(0));
    assertEquals(1, later.stats().hits());

    cache.trim();
    long after = size(entries());
    assertTrue(after <= max / 5 * 4, after + " > 80% of " + max);
    assertTrue(Files.exists(entryOf.get(0)), "recently used");
    assertTrue(Files.exists(entryOf.get(59)), "newest");
    assertFalse(Files.exists(entryOf.get(1)), "least recently used");
  }

  /** A warm pre-commit run may reuse whole evaluations and parse nothing: --debug still says so. */
  @Test
  void aRunThatOnlyReusedEvaluationsStillReportsWhatItDid() {
    byte[] key = "root".getBytes(StandardCharsets.UTF_8);
    open().keep(ParseCache.Kept.EVALUATION, key, new byte[] {1, 2, 3});
    notes.clear();
    DiskCache warm = open();
    assertTrue(warm.kept(ParseCache.Kept.EVALUATION, key).isPresent());
    warm.trim();
    assertTrue(notes.stream().anyMatch(n -> n.startsWith("cache: 0 reused, 0 parsed") && n.contains("evaluations: 1 reused, 0 kept")),
        notes.toString());
  }

  @Test
  void aRunThatWroteNothingDoesNotWalkTheCache() throws IOException {
    DiskCache cache = open(1);
    assertEquals(0, cache.stats().written());
    Path stale = Files.createDirectories(dir.resolve("cache/v" + DiskCache.FORMAT_VERSION + "/ab")).resolve("x.1-2.tmp");
    Files.writeString(stale, "partial");
    Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3600_000L));
    cache.trim();
    assertTrue(Files.exists(stale));
    DiskCache.evict(dir.resolve("cache/v" + DiskCache.FORMAT_VERSION), DiskCache.DEFAULT_MAX_BYTES);
    assertFalse(Files.exists(stale), "a temporary file no writer owns is swept");
  }

  @Test
  void aRunThatWroteLittleWalksAtMostEveryTenMinutes() throws IOException {
    Path entries = dir.resolve("cache/v" + DiskCache.FORMAT_VERSION);
    DiskCache first = open();
    first.hcl("a.tf", terraform(1));
    first.trim();
    Path stamp = entries.resolve(".trimmed");
    assertTrue(Files.exists(stamp), "the first run that wrote walked");

    Path stale = Files.createDirectories(entries.resolve("ab")).resolve("x.1-2.tmp");
    Files.writeString(stale, "partial");
    Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3600_000L));
    DiskCache second = open();
    second.hcl("b.tf", terraform(2));
    second.trim();
    assertTrue(Files.exists(stale), "walked again within ten minutes");

    Files.setLastModifiedTime(stamp, FileTime.fromMillis(System.currentTimeMillis() - 11 * 60_000L));
    DiskCache third = open();
    third.hcl("c.tf", terraform(3));
    third.trim();
    assertFalse(Files.exists(stale), "ten minutes later a run that wrote walks");
  }

  private static long size(List<Path> files) throws IOException {
    long total = 0;
    for (Path p : files) total += Files.size(p);
    return total;
  }

  @Test
  void underAScanRootTheCacheIsOff() {
    DiskCache cache = open();
    assertSame(ParseCache.NONE, cache.outside(List.of(dir)));
    assertSame(ParseCache.NONE, cache.outside(List.of(dir.resolve("other"), dir.resolve("cache"))));
    assertSame(cache, cache.outside(List.of(dir.resolve("other"), dir.resolve("cache-not"))));
    assertTrue(notes.stream().anyMatch(n -> n.contains("lies under the scanned")), notes.toString());
  }

  /** A directory that stops being writable during the run (here: replaced by a file, which binds root too). */
  @Test
  void anUnwritableDirectoryServesWithoutWriting() throws IOException {
    DiskCache cache = open();
    Path entries = dir.resolve("cache/v" + DiskCache.FORMAT_VERSION);
    Files.delete(entries);
    Files.writeString(entries, "not a directory");
    for (int i = 0; i < 3; i++) assertEquals(HclParser.parse("t.tf", terraform(i)), cache.hcl("t.tf", terraform(i)));
    assertEquals(0, cache.stats().written());
    assertEquals(1, notes.stream().filter(n -> n.contains("cannot write")).count(), notes.toString());
    cache.trim();
  }

  @Test
  void aDirectoryOthersCanWriteIsNotUsed() throws IOException {
    Path shared = Files.createDirectories(dir.resolve("cache"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertSame(ParseCache.NONE, DiskCache.open(shared, VERSION, DiskCache.DEFAULT_MAX_BYTES, notes::add));
    assertTrue(notes.stream().anyMatch(n -> n.contains("writable by others")), notes.toString());
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsOff() throws IOException {
    Files.writeString(dir.resolve("file"), "");
    assertSame(ParseCache.NONE, DiskCache.open(dir.resolve("file/cache"), VERSION, DiskCache.DEFAULT_MAX_BYTES, notes::add));
    assertSame(ParseCache.NONE, DiskCache.open(dir.resolve("cache"), VERSION, 0, notes::add));
  }

  @ParameterizedTest(name = "XDG_CACHE_HOME={0} home={1}")
  @CsvSource(delimiter = '|', value = {
      "/x/cache  | /home/u | /x/cache/iamlint",
      "''        | /home/u | /home/u/.cache/iamlint",
      "relative  | /home/u | /home/u/.cache/iamlint",
      "'  '      | /home/u | /home/u/.cache/iamlint",
      "''        | ''      | ''",
  })
  void location(String xdg, String home, String expected) {
    Optional<Path> found = DiskCache.location(Map.of("XDG_CACHE_HOME", xdg), home);
    assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(Path.of(expected)), found);
  }

  @ParameterizedTest(name = "IAMLINT_CACHE_MAX_MB={0}")
  @CsvSource(delimiter = '|', value = {
      "''     | 268435456",
      "64     | 67108864",
      "' 8 '  | 8388608",
      "0      | 0",
      "-1     | 268435456",
      "lots   | 268435456",
      "99999999999999999 | 268435456",
  })
  void sizeBound(String value, long expected) {
    assertEquals(expected, DiskCache.maxBytes(Map.of("IAMLINT_CACHE_MAX_MB", value), notes::add));
  }

  /** Two runs at once (two pre-commit hooks), several threads each, on the same entries. */
  @Test
  void concurrentRunsAgree() throws Exception {
    DiskCache a = open();
    DiskCache b = open();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (int i = 0; i < 16; i++) {
          DiskCache cache = i % 2 == 0 ? a : b;
          int n = i % 8;
          results.add(pool.submit(() -> cache.hcl("m" + n + ".tf", terraform(n)).equals(HclParser.parse("m" + n + ".tf", terraform(n)))));
        }
      }
      for (Future<Boolean> f : results) assertTrue(f.get());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, a.stats().rejected() + b.stats().rejected());
    assertEquals(8, entries().size(), entries().toString());
  }
}
