package dev.iamlint.cache;

import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.tree.ParseResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The parse cache in a directory of the user's ({@code $XDG_CACHE_HOME/iamlint}, else
 * {@code ~/.cache/iamlint}): one file per parsed text, named by a SHA-256 of the parser kind,
 * this format, the iamlint build and the text's own SHA-256, fanned out by its first two hex
 * digits under a directory per format version.
 *
 * <p>An entry is never trusted: it is used only when its magic, format, iamlint version, kind,
 * full content hash, length and payload checksum all match and its payload decodes (see
 * {@link Codec}); anything else is a miss, parsed again and rewritten. Entries are written to a
 * temporary file and moved into place atomically, so concurrent runs (two pre-commit hooks) see
 * either the old entry or the new one. The directory stays near a size bound: a hit touches the
 * entry, and a run that wrote evicts the least recently used entries down to 80% of the bound
 * (at once when it wrote a sixteenth of the bound, else at most every ten minutes).
 * Whatever goes wrong with the directory turns the cache off, never the scan.
 */
public final class DiskCache implements ParseCache {

  /** The entry layout and the payload codec; bump it with any change to either. */
  static final int FORMAT_VERSION = 1;
  private static final int MAGIC = 0x69616d63; // "iamc"
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
  /** Larger results are parsed every time: a file that big is rare, and it would crowd out the rest. */
  static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;
  private static final int HASH_BYTES = 32;
  private static final int MAX_VERSION_LENGTH = 200;
  private static final String TEMPORARY = ".tmp";
  /** Marks the last eviction walk; runs that wrote little walk again only after the interval. */
  private static final String TRIMMED = ".trimmed";
  private static final long TRIM_INTERVAL_MILLIS = 10L * 60 * 1000;
  /** An entry used this recently is not marked as used again. */
  private static final long TOUCH_INTERVAL_MILLIS = 5L * 60 * 1000;
  /** A temporary file this old belongs to no running writer. */
  private static final long STALE_TEMPORARY_MILLIS = 60L * 60 * 1000;

  private static final byte KIND_HCL = 1;
  private static final byte KIND_JSON = 2;
  private static final byte KIND_YAML = 3;
  private static final byte KIND_MANIFEST = 4;
  private static final byte KIND_EVALUATION = 5;
  private static final byte KIND_OUTLINE = 6;

  /**
   * What a run did with the cache (with {@code --debug} it is shown at the end): parse trees reused,
   * parsed, rejected and written; evaluations of root modules reused and kept.
   */
  public record Stats(long hits, long parsed, long rejected, long written, long reusedResults, long keptResults) {
    public Stats(long hits, long parsed, long rejected, long written) {
      this(hits, parsed, rejected, written, 0, 0);
    }
  }

  private final Path directory;
  private final Path entries;
  private final String version;
  private final long maxBytes;
  private final Consumer<String> notes;
  private final AtomicBoolean writable = new AtomicBoolean(true);
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong parsed = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong reusedResults = new AtomicLong();
  private final AtomicLong keptResults = new AtomicLong();
  private final AtomicLong writtenBytes = new AtomicLong();
  private final Set<String> noted = ConcurrentHashMap.newKeySet();

  private DiskCache(Path directory, String version, long maxBytes, Consumer<String> notes) {
    this.directory = directory;
    this.entries = directory.resolve("v" + FORMAT_VERSION);
    this.version = version;
    this.maxBytes = maxBytes;
    this.notes = notes;
  }

  /**
   * The cache in {@code directory} for results of iamlint {@code version}, at most
   * {@code maxBytes} large; {@link ParseCache#NONE} when it cannot be used (the reason goes to
   * {@code notes}).
   */
  public static ParseCache open(Path directory, String version, long maxBytes, Consumer<String> notes) {
    if (maxBytes <= 0) return NONE;
    if (version.length() > MAX_VERSION_LENGTH) return NONE;
    Path dir = directory.toAbsolutePath().normalize();
    DiskCache cache = new DiskCache(dir, version, maxBytes, notes);
    try {
      createPrivateDirectories(cache.entries);
      Optional<String> unsafe = unsafe(dir).or(() -> unsafe(cache.entries));
      if (unsafe.isPresent()) {
        notes.accept("cache off: " + unsafe.get());
        return NONE;
      }
    } catch (IOException | RuntimeException e) {
      notes.accept("cache off: cannot create " + dir + " (" + e.getClass().getSimpleName() + ")");
      return NONE;
    }
    return cache;
  }

  /**
   * The user's cache: {@code $XDG_CACHE_HOME/iamlint} (when absolute, as the XDG specification
   * asks), else {@code ~/.cache/iamlint}; {@code IAMLINT_CACHE_MAX_MB} bounds it (0 turns it off).
   * Entries are bound to this very build of iamlint, not only to its version number, so a
   * rebuilt parser never reads what an older one wrote.
   */
  public static ParseCache fromEnvironment(Map<String, String> environment, String version, Consumer<String> notes) {
    Optional<Path> dir = location(environment, System.getProperty("user.home", ""));
    if (dir.isEmpty()) {
      notes.accept("cache off: no cache directory (neither XDG_CACHE_HOME nor a home directory)");
      return NONE;
    }
    Optional<String> build = BuildStamp.VALUE;
    if (build.isEmpty()) {
      notes.accept("cache off: cannot tell which build of iamlint this is");
      return NONE;
    }
    return open(dir.get(), version + "+" + build.get(), maxBytes(environment, notes), notes);
  }

  /** The user's iamlint cache directory: {@code $XDG_CACHE_HOME/iamlint}, else {@code ~/.cache/iamlint}. */
  public static Optional<Path> location(Map<String, String> environment, String home) {
    try {
      String xdg = environment.getOrDefault("XDG_CACHE_HOME", "");
      if (!xdg.isBlank() && Path.of(xdg).isAbsolute()) return Optional.of(Path.of(xdg, "iamlint"));
      if (home.isBlank()) return Optional.empty();
      return Optional.of(Path.of(home, ".cache", "iamlint"));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  static long maxBytes(Map<String, String> environment, Consumer<String> notes) {
    String mb = environment.getOrDefault("IAMLINT_CACHE_MAX_MB", "").trim();
    if (mb.isEmpty()) return DEFAULT_MAX_BYTES;
    try {
      long value = Long.parseLong(mb);
      if (value >= 0 && value <= Long.MAX_VALUE / (1024 * 1024)) return value * 1024 * 1024;
    } catch (NumberFormatException e) {
      // Said below.
    }
    notes.accept("IAMLINT_CACHE_MAX_MB='" + mb + "' is not a number of MiB; using " + DEFAULT_MAX_BYTES / (1024 * 1024));
    return DEFAULT_MAX_BYTES;
  }

  public Path directory() {
    return directory;
  }

  public Stats stats() {
    return new Stats(hits.get(), parsed.get(), rejected.get(), written.get(), reusedResults.get(), keptResults.get());
  }

  // ---- lookups ----

  @Override
  public HclParseResult hcl(String file, String text) {
    // The parser reads the text without its byte-order mark, and its tree holds that text.
    String parsedText = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return cached(key(KIND_HCL, text), payload -> Codec.decodeHcl(payload, file, parsedText),
        () -> HclParser.parse(file, text), r -> r instanceof HclParseResult.Parsed, Codec::encode);
  }

  @Override
  public ParseResult tree(Syntax syntax, String file, String text, BiFunction<String, String, ParseResult> parser) {
    return cached(key(syntax == Syntax.JSON ? KIND_JSON : KIND_YAML, text), payload -> Codec.decodeTree(payload, file),
        () -> parser.apply(file, text), r -> r instanceof ParseResult.Parsed, Codec::encode);
  }

  /** What a stored entry decodes to; {@link Codec.Corrupt} when it is not a well-formed entry. */
  private interface Decoder<R> {
    R decode(byte[] payload) throws Codec.Corrupt;
  }

  /** What a result encodes to; {@link Codec.Corrupt} when it is too large or too deep to keep. */
  private interface Encoder<R> {
    byte[] encode(R result) throws Codec.Corrupt;
  }

  /**
   * The entry under {@code key} when it decodes, else a fresh parse, kept when {@code keep} says
   * so. Only trees are kept: a file that does not parse is the one being edited, and some
   * failures (a stack too small for a deep nesting) depend on the run rather than on the text.
   */
  private <R> R cached(Key key, Decoder<R> decoder, Supplier<R> parse,
      Predicate<R> keep, Encoder<R> encoder) {
    Optional<byte[]> payload = payload(key);
    if (payload.isPresent()) {
      try {
        R result = decoder.decode(payload.get());
        hits.incrementAndGet();
        return result;
      } catch (Codec.Corrupt | RuntimeException | StackOverflowError e) {
        rejected.incrementAndGet();
      }
    }
    parsed.incrementAndGet();
    R result = parse.get();
    if (keep.test(result)) {
      try {
        if (store(key, encoder.encode(result))) written.incrementAndGet();
      } catch (Codec.Corrupt | RuntimeException | StackOverflowError e) {
        // Too large or too deep to keep: parsed again next time.
      }
    }
    return result;
  }

  @Override
  public Optional<byte[]> kept(Kept kind, byte[] key) {
    Optional<byte[]> payload = payload(keptKey(kind, key));
    if (payload.isPresent() && kind == Kept.EVALUATION) reusedResults.incrementAndGet();
    return payload;
  }

  @Override
  public void keep(Kept kind, byte[] key, byte[] payload) {
    if (store(keptKey(kind, key), payload) && kind == Kept.EVALUATION) keptResults.incrementAndGet();
  }

  private Key keptKey(Kept kind, byte[] key) {
    byte code = switch (kind) {
      case MANIFEST -> KIND_MANIFEST;
      case EVALUATION -> KIND_EVALUATION;
      case OUTLINE -> KIND_OUTLINE;
    };
    MessageDigest digest = Keys.sha256();
    digest.update(key);
    return key(code, digest.digest());
  }

  @Override
  public ParseCache outside(Collection<Path> roots) {
    Path mine = real(directory);
    for (Path root : roots) {
      if (mine.startsWith(real(root))) {
        notes.accept("cache off for this run: " + directory + " lies under the scanned " + root);
        return NONE;
      }
    }
    return this;
  }

  @Override
  public void trim() {
    Stats s = stats();
    if (s.hits() + s.parsed() + s.reusedResults() + s.keptResults() == 0) return;
    notes.accept("cache: " + s.hits() + " reused, " + s.parsed() + " parsed, " + s.rejected() + " rejected, "
        + s.written() + " written; evaluations: " + s.reusedResults() + " reused, " + s.keptResults() + " kept ("
        + directory + ")");
    if (s.written() + s.keptResults() == 0) return;
    // A full cache holds tens of thousands of entries: walking them after every pre-commit run
    // that wrote one would cost more than the entry saves. A run that wrote much walks at once.
    Path stamp = entries.resolve(TRIMMED);
    if (writtenBytes.get() < maxBytes / 16 && modifiedWithin(stamp, TRIM_INTERVAL_MILLIS)) return;
    evict(entries, maxBytes);
    try {
      Files.write(stamp, new byte[0]);
    } catch (IOException | RuntimeException e) {
      // Then the next run walks again.
    }
  }

  private static boolean modifiedWithin(Path p, long millis) {
    try {
      return System.currentTimeMillis() - Files.getLastModifiedTime(p).toMillis() < millis;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  // ---- entries ----

  /** Where an entry lives and the content hash it must carry. */
  private record Key(Path entry, byte kind, byte[] contentHash) {}

  private Key key(byte kind, String text) {
    return key(kind, contentHash(text));
  }

  private Key key(byte kind, byte[] content) {
    MessageDigest digest = Keys.sha256();
    digest.update(("iamlint parse cache " + FORMAT_VERSION + "\0" + version + "\0").getBytes(StandardCharsets.UTF_8));
    digest.update(kind);
    digest.update(content);
    String name = HexFormat.of().formatHex(digest.digest());
    return new Key(entries.resolve(name.substring(0, 2)).resolve(name), kind, content);
  }

  /** SHA-256 of the UTF-8 text; a text no UTF-8 file can give (a lone surrogate) by its UTF-16 units. */
  static byte[] contentHash(String text) {
    MessageDigest digest = Keys.sha256();
    boolean wellFormed = Codec.wellFormed(text);
    digest.update((byte) (wellFormed ? 0 : 1));
    digest.update(wellFormed ? text.getBytes(StandardCharsets.UTF_8) : text.getBytes(StandardCharsets.UTF_16BE));
    return digest.digest();
  }

  /** The payload of a valid entry for {@code key}; empty when there is none or it is not valid. */
  private Optional<byte[]> payload(Key key) {
    byte[] bytes;
    FileTime modified;
    try {
      BasicFileAttributes a =
          Files.readAttributes(key.entry(), BasicFileAttributes.class);
      if (a.size() > MAX_PAYLOAD_BYTES + 1024L) {
        rejected.incrementAndGet();
        return Optional.empty();
      }
      modified = a.lastModifiedTime();
      bytes = Files.readAllBytes(key.entry());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      rejected.incrementAndGet();
      return Optional.empty();
    }
    Optional<byte[]> payload = unwrap(bytes, version, key.kind(), key.contentHash());
    if (payload.isEmpty()) {
      rejected.incrementAndGet();
      return Optional.empty();
    }
    long now = System.currentTimeMillis();
    // Recently used: what eviction keeps. Eviction orders by the minute at best, so an entry
    // touched in the last minutes is not touched again (a pre-commit run reads hundreds).
    if (now - modified.toMillis() > TOUCH_INTERVAL_MILLIS) {
      try {
        Files.setLastModifiedTime(key.entry(), FileTime.fromMillis(now));
      } catch (IOException | RuntimeException e) {
        // A read-only cache still serves.
      }
    }
    return payload;
  }

  /** magic, format, iamlint version, kind, content hash, payload length, payload, CRC-32C of the payload. */
  static byte[] wrap(byte[] payload, String version, byte kind, byte[] contentHash) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeUTF(version);
      out.writeByte(kind);
      out.write(contentHash);
      out.writeInt(payload.length);
      out.write(payload);
      CRC32C crc = new CRC32C();
      crc.update(payload);
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  static Optional<byte[]> unwrap(byte[] entry, String version, byte kind, byte[] contentHash) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry))) {
      if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION) return Optional.empty();
      if (!in.readUTF().equals(version) || in.readByte() != kind) return Optional.empty();
      byte[] hash = new byte[HASH_BYTES];
      in.readFully(hash);
      if (!MessageDigest.isEqual(hash, contentHash)) return Optional.empty();
      int length = in.readInt();
      // The payload and its checksum must be exactly what is left.
      if (length < 0 || length > MAX_PAYLOAD_BYTES || length != in.available() - 4) return Optional.empty();
      byte[] payload = new byte[length];
      in.readFully(payload);
      CRC32C crc = new CRC32C();
      crc.update(payload);
      if (in.readInt() != (int) crc.getValue()) return Optional.empty();
      return Optional.of(payload);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether the entry was written. */
  private boolean store(Key key, byte[] payload) {
    if (!writable.get() || payload.length > MAX_PAYLOAD_BYTES || payload.length > maxBytes / 4) return false;
    byte[] entry = wrap(payload, version, key.kind(), key.contentHash());
    Path target = key.entry();
    Path temporary = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + "-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMPORARY);
    try {
      Files.createDirectories(target.getParent());
      Files.write(temporary, entry, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      // A concurrent run may move the same entry in first: either copy is the same entry.
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      writtenBytes.addAndGet(entry.length);
      return true;
    } catch (AtomicMoveNotSupportedException e) {
      stopWriting(temporary, "cache: " + entries + " cannot replace files atomically; not writing to it");
    } catch (IOException | RuntimeException e) {
      stopWriting(temporary, "cache: cannot write to " + entries + " (" + e.getClass().getSimpleName()
          + "); not writing to it in this run");
    }
    return false;
  }

  private void stopWriting(Path temporary, String note) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException | RuntimeException ignored) {
      // Swept by a later eviction once stale.
    }
    if (writable.getAndSet(false)) note(note);
  }

  private void note(String message) {
    if (noted.add(message)) notes.accept(message);
  }

  // ---- eviction ----

  private record Stored(Path path, long size, long modified) {}

  /**
   * Deletes the least recently used entries until the directory is at most 80% of
   * {@code maxBytes}, when it is above {@code maxBytes}; and temporary files no writer owns any
   * more. Another run deleting the same files at the same time is harmless.
   */
  static void evict(Path entries, long maxBytes) {
    List<Stored> stored = new ArrayList<>();
    long now = System.currentTimeMillis();
    long total = 0;
    try (Stream<Path> files = Files.walk(entries, 2)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        try {
          BasicFileAttributes a =
              Files.readAttributes(p, BasicFileAttributes.class);
          if (!a.isRegularFile()) continue;
          long modified = a.lastModifiedTime().toMillis();
          if (p.getFileName().toString().equals(TRIMMED)) continue;
          if (p.getFileName().toString().endsWith(TEMPORARY)) {
            if (now - modified > STALE_TEMPORARY_MILLIS) Files.deleteIfExists(p);
            continue;
          }
          stored.add(new Stored(p, a.size(), modified));
          total += a.size();
        } catch (IOException | RuntimeException e) {
          // Gone meanwhile (another run evicting): nothing to count.
        }
      }
    } catch (IOException | RuntimeException e) {
      return;
    }
    if (total <= maxBytes) return;
    long goal = maxBytes / 5 * 4;
    stored.sort(Comparator.comparingLong(Stored::modified).thenComparing(s -> s.path().toString()));
    for (Stored s : stored) {
      if (total <= goal) break;
      try {
        Files.deleteIfExists(s.path());
      } catch (IOException | RuntimeException e) {
        // Counted as gone either way: another run may hold it, and the next eviction retries.
      }
      total -= s.size();
    }
  }

  // ---- the directory ----

  private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) return;
    try {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }

  /**
   * Why a directory may not hold the cache: others could plant entries in it. An entry is
   * checked against corruption, not forgery, so the directory must be the user's own.
   */
  private static Optional<String> unsafe(Path dir) {
    PosixFileAttributes a;
    try {
      a = Files.readAttributes(dir, PosixFileAttributes.class);
    } catch (UnsupportedOperationException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot read the attributes of " + dir);
    }
    String user = System.getProperty("user.name", "");
    if (!a.owner().getName().equals(user)) return Optional.of(dir + " belongs to " + a.owner().getName() + ", not " + user);
    if (a.permissions().contains(PosixFilePermission.GROUP_WRITE) || a.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
      return Optional.of(dir + " is writable by others");
    }
    return Optional.empty();
  }

  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException | RuntimeException e) {
      return abs;
    }
  }


  /**
   * Which build of iamlint this is: the size and time of its jar (or, run from compiled classes,
   * of their newest file). Computed once.
   */
  private static final class BuildStamp {
    static final Optional<String> VALUE = compute();

    private static Optional<String> compute() {
      try {
        Path code = Path.of(DiskCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(code)) return Optional.of(Files.size(code) + "-" + Files.getLastModifiedTime(code).toMillis());
        if (!Files.isDirectory(code)) return Optional.empty();
        try (Stream<Path> files = Files.walk(code)) {
          long[] newest = {0, 0};
          files.filter(Files::isRegularFile).forEach(f -> {
            try {
              newest[0] = Math.max(newest[0], Files.getLastModifiedTime(f).toMillis());
              newest[1]++;
            } catch (IOException e) {
              newest[0] = Long.MAX_VALUE;
            }
          });
          return newest[0] == Long.MAX_VALUE ? Optional.empty() : Optional.of("classes-" + newest[1] + "-" + newest[0]);
        }
      } catch (IOException | URISyntaxException | RuntimeException e) {
        return Optional.empty();
      }
    }

    private BuildStamp() {}
  }

  @Override
  public String toString() {
    return "DiskCache[" + directory + "]";
  }
}
