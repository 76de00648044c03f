package dev.iamlint.cache;

import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.tree.ParseResult;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Parse results and kept results held in memory, for a process that scans the same project again
 * and again (the language server re-diagnoses on every edit): a parse tree is reused as the very
 * object, with no decoding. What it does not hold it asks of {@code backing} (the disk cache, or
 * none) and keeps.
 *
 * <p>Memory is bounded: the entries least recently used are dropped once the texts they were
 * parsed from pass {@code maxTextChars} (a parse tree's size follows its text's), or once the kept
 * payloads pass {@code maxKeptBytes}. Safe to use from several threads; two threads that miss
 * the same entry both parse it, and either result is kept (they are equal).
 */
public final class MemoryCache implements ParseCache {

  /** What one entry is found by: the parser, the file's name (its locations carry it) and its text. */
  private record TreeKey(String kind, String file, String text) {}

  private record KeptKey(Kept kind, String key) {}

  /** The entries and their weights, shared by every view of this cache (see {@link #outside}). */
  private static final class Store {
    final long maxTextChars;
    final long maxKeptBytes;
    final LinkedHashMap<TreeKey, Object> trees = new LinkedHashMap<>(256, 0.75f, true);
    final LinkedHashMap<KeptKey, byte[]> kept = new LinkedHashMap<>(64, 0.75f, true);
    long textChars;
    long keptBytes;

    Store(long maxTextChars, long maxKeptBytes) {
      this.maxTextChars = maxTextChars;
      this.maxKeptBytes = maxKeptBytes;
    }

    synchronized Object tree(TreeKey key) {
      return trees.get(key);
    }

    synchronized void putTree(TreeKey key, Object result) {
      if (key.text().length() > maxTextChars) return;
      if (trees.put(key, result) == null) textChars += key.text().length();
      for (Iterator<TreeKey> it = trees.keySet().iterator(); textChars > maxTextChars && it.hasNext(); ) {
        textChars -= it.next().text().length();
        it.remove();
      }
    }

    synchronized byte[] kept(KeptKey key) {
      return kept.get(key);
    }

    synchronized void putKept(KeptKey key, byte[] payload) {
      if (payload.length > maxKeptBytes) return;
      byte[] old = kept.put(key, payload);
      keptBytes += payload.length - (old == null ? 0 : old.length);
      for (Iterator<Map.Entry<KeptKey, byte[]>> it = kept.entrySet().iterator(); keptBytes > maxKeptBytes && it.hasNext(); ) {
        keptBytes -= it.next().getValue().length;
        it.remove();
      }
    }

    synchronized int entries() {
      return trees.size() + kept.size();
    }
  }

  private final Store store;
  private final ParseCache backing;
  private final Set<String> unsaved;

  private MemoryCache(Store store, ParseCache backing, Set<String> unsaved) {
    this.store = store;
    this.backing = backing;
    this.unsaved = unsaved;
  }

  /**
   * This cache, for a scan in which {@code texts} are an editor's unsaved buffers: their parse
   * trees are held in memory only, never asked of or written to the backing cache (the next
   * keystroke makes another text).
   */
  public MemoryCache sparing(Collection<String> texts) {
    return new MemoryCache(store, backing, Set.copyOf(texts));
  }

  /**
   * A memory cache holding the parse trees of at most {@code maxTextChars} characters of text and
   * {@code maxKeptBytes} of kept results, asking {@code backing} for what it does not hold.
   */
  public static MemoryCache over(ParseCache backing, long maxTextChars, long maxKeptBytes) {
    return new MemoryCache(new Store(maxTextChars, maxKeptBytes), backing, Set.of());
  }

  @Override
  public HclParseResult hcl(String file, String text) {
    return (HclParseResult) tree(new TreeKey("hcl", file, text), () -> source(text).hcl(file, text));
  }

  @Override
  public ParseResult tree(Syntax syntax, String file, String text, BiFunction<String, String, ParseResult> parser) {
    return (ParseResult) tree(new TreeKey(syntax.name(), file, text), () -> source(text).tree(syntax, file, text, parser));
  }

  /** Where a tree not held is taken from: the parser itself for an unsaved buffer, else the backing cache. */
  private ParseCache source(String text) {
    return unsaved.contains(text) ? NONE : backing;
  }

  private Object tree(TreeKey key, Supplier<Object> parse) {
    Object held = store.tree(key);
    if (held != null) return held;
    Object parsed = parse.get();
    store.putTree(key, parsed);
    return parsed;
  }

  /** This cache over {@code backing.outside(roots)}: memory is never in a scanned tree, the backing may be. */
  @Override
  public ParseCache outside(Collection<Path> roots) {
    ParseCache b = backing.outside(roots);
    return b == backing ? this : new MemoryCache(store, b, unsaved);
  }

  @Override
  public void trim() {
    backing.trim();
  }

  @Override
  public Optional<byte[]> kept(Kept kind, byte[] key) {
    KeptKey k = new KeptKey(kind, HexFormat.of().formatHex(key));
    byte[] held = store.kept(k);
    if (held != null) return Optional.of(held);
    Optional<byte[]> stored = backing.kept(kind, key);
    stored.ifPresent(payload -> store.putKept(k, payload));
    return stored;
  }

  @Override
  public void keep(Kept kind, byte[] key, byte[] payload) {
    store.putKept(new KeptKey(kind, HexFormat.of().formatHex(key)), payload);
    backing.keep(kind, key, payload);
  }

  /** How many parse trees and kept results are held. */
  public int entries() {
    return store.entries();
  }
}
