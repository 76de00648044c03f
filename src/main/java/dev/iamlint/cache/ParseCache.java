package dev.iamlint.cache;

import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.tree.ParseResult;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Parse results of files, reused by content: parsing is most of the time of a scan, and a
 * partial scan (pre-commit passes one changed file) still reads the whole project. A cached
 * result is the very result the parser would give for that text under that name; every
 * implementation is safe to use from several threads.
 */
public sealed interface ParseCache permits ParseCache.Off, DiskCache, MemoryCache {

  /** No cache: every file is parsed (what tests and library callers get unless they ask). */
  ParseCache NONE = new Off();

  /** The parser of a YAML or JSON tree: part of the key, since one text reads differently in each. */
  enum Syntax { JSON, YAML }

  /** HCL native syntax, as {@link HclParser#parse} gives it. */
  HclParseResult hcl(String file, String text);

  /** A YAML or JSON tree, as {@code parser} gives it. */
  ParseResult tree(Syntax syntax, String file, String text, BiFunction<String, String, ParseResult> parser);

  /**
   * This cache, or {@link #NONE} when its directory lies under one of {@code roots}: iamlint
   * never writes into the tree it scans (nor would a later scan want to walk its cache).
   */
  ParseCache outside(Collection<Path> roots);

  /** At the end of a run: keeps the cache within its size bound. */
  void trim();

  /**
   * Results other than parse trees, stored by a key their producer computes from everything
   * they depend on (see {@code terraform.DeploymentCache}): a {@code MANIFEST} lists what an
   * evaluation read, an {@code EVALUATION} is what it gave, an {@code OUTLINE} is what parsing a
   * module directory says of its calls and errors.
   */
  enum Kept { MANIFEST, EVALUATION, OUTLINE }

  /** The payload stored under {@code key}, when there is a valid one. */
  Optional<byte[]> kept(Kept kind, byte[] key);

  /** Keeps {@code payload} under {@code key}; whatever fails, the run goes on without it. */
  void keep(Kept kind, byte[] key, byte[] payload);

  /** Whether results are kept at all (else computing their keys is wasted). */
  default boolean keeps() {
    return true;
  }

  /** The absent cache. */
  record Off() implements ParseCache {
    @Override
    public HclParseResult hcl(String file, String text) {
      return HclParser.parse(file, text);
    }

    @Override
    public ParseResult tree(Syntax syntax, String file, String text, BiFunction<String, String, ParseResult> parser) {
      return parser.apply(file, text);
    }

    @Override
    public ParseCache outside(Collection<Path> roots) {
      return this;
    }

    @Override
    public void trim() {
      // Nothing stored, nothing to trim.
    }

    @Override
    public Optional<byte[]> kept(Kept kind, byte[] key) {
      return Optional.empty();
    }

    @Override
    public void keep(Kept kind, byte[] key, byte[] payload) {
      // Not kept.
    }

    @Override
    public boolean keeps() {
      return false;
    }
  }
}
