package dev.iamlint.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The content digests of a project's files, known by their status as git's index knows its files:
 * a file whose size, modification and change times, inode and device are those recorded has the
 * recorded text, and is neither read nor hashed again (a pre-commit run over one changed file of a
 * large project reads only that file). Kept in the parse cache, one entry per project root.
 *
 * <p>A digest is recorded only from a text read in this run and only when the file's change time,
 * taken after the reading, lies well before the run started: any write to a file sets its change
 * time to the time of the write (unlike the modification time, no tool can set it back), so a file
 * last changed before the run was not changed while it was read, and a later change shows in its
 * status. A timestamp too close to the run is "racy" (as git calls it) and is simply not recorded.
 * Where the file system gives no change time or inode (not a POSIX system), nothing is recorded.
 */
public final class FileDigests {

  /** What a digest records: the file's status and the SHA-256 of its text. */
  private record Entry(long size, long modified, long changed, long inode, long device, byte[] digest) {}

  /** The status a file has now. */
  private record Status(long size, long modified, long changed, long inode, long device) {
    boolean same(Entry e) {
      return size == e.size && modified == e.modified && changed == e.changed && inode == e.inode && device == e.device;
    }
  }

  private static final String FORMAT = "iamlint file digests 1";
  /** Coarse file systems keep times to 2 s (FAT) or 1 s: a change this close to the run is not trusted. */
  private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(3);
  /** A project this large is not indexed further (the entry would crowd out parse results). */
  static final int MAX_ENTRIES = 200_000;
  private static final int DIGEST_BYTES = 32;
  private static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino,dev";

  /** Nothing known, nothing recorded: without a cache, or where files have no change time. */
  public static final FileDigests NONE = new FileDigests(ParseCache.NONE, Path.of(""), new byte[0], Map.of(), 0);

  private final ParseCache cache;
  private final Path root;
  private final byte[] key;
  private final Map<String, Entry> known;
  private final Map<String, Entry> learned = new ConcurrentHashMap<>();
  private final long runStartedNanos;
  private final AtomicBoolean disabled = new AtomicBoolean();

  private FileDigests(ParseCache cache, Path root, byte[] key, Map<String, Entry> known, long runStartedNanos) {
    this.cache = cache;
    this.root = root;
    this.key = key;
    this.known = known;
    this.runStartedNanos = runStartedNanos;
    if (!cache.keeps()) disabled.set(true);
  }

  /**
   * The digests the cache keeps for the files under {@code root}; {@link #NONE} without a cache.
   * {@code runStartedMillis}: the wall-clock time before this run read any file.
   */
  public static FileDigests of(ParseCache cache, Path root, long runStartedMillis) {
    if (!cache.keeps()) return NONE;
    long started = runStartedMillis * 1_000_000L;
    Path r = root.toAbsolutePath().normalize();
    byte[] key = (FORMAT + "\0" + r).getBytes(StandardCharsets.UTF_8);
    Map<String, Entry> known = cache.kept(ParseCache.Kept.DIGESTS, key).flatMap(FileDigests::decode).orElse(Map.of());
    return new FileDigests(cache, r, key, known, started);
  }

  /** The SHA-256 recorded for {@code file}'s text, when the file's status is still the recorded one. */
  public Optional<byte[]> digest(Path file) {
    if (disabled.get()) return Optional.empty();
    Entry e = known.get(name(file));
    if (e == null) return Optional.empty();
    return status(file).filter(s -> s.same(e)).map(s -> e.digest().clone());
  }

  /** Records {@code digest} for the text of {@code file} just read, when its status makes that safe. */
  public void learn(Path file, byte[] digest) {
    if (disabled.get() || digest.length != DIGEST_BYTES || known.size() + learned.size() >= MAX_ENTRIES) return;
    Optional<Status> now = status(file);
    if (now.isEmpty()) return;
    Status s = now.get();
    if (s.changed() > runStartedNanos - RACY_NANOS || s.modified() > runStartedNanos - RACY_NANOS) return;
    String name = name(file);
    Entry before = known.get(name);
    if (before != null && s.same(before) && Arrays.equals(before.digest(), digest)) return;
    learned.put(name, new Entry(s.size(), s.modified(), s.changed(), s.inode(), s.device(), digest.clone()));
  }

  /** Keeps what this run learned (nothing is written when it learned nothing). */
  public void save() {
    if (disabled.get() || learned.isEmpty()) return;
    Map<String, Entry> all = new HashMap<>(known);
    all.putAll(learned);
    cache.keep(ParseCache.Kept.DIGESTS, key, encode(all));
    learned.clear();
  }

  private String name(Path file) {
    Path f = file.toAbsolutePath().normalize();
    return f.startsWith(root) ? root.relativize(f).toString() : f.toString();
  }

  private Optional<Status> status(Path file) {
    try {
      Map<String, Object> a = Files.readAttributes(file, ATTRIBUTES);
      return Optional.of(new Status((Long) a.get("size"), nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")),
          (Long) a.get("ino"), (Long) a.get("dev")));
    } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      // No POSIX status here: the digests stay off for the run.
      disabled.set(true);
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static long nanos(Object time) {
    return ((FileTime) time).to(TimeUnit.NANOSECONDS);
  }

  static byte[] encode(Map<String, Entry> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + entries.size() * 96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(entries.size());
      for (Map.Entry<String, Entry> e : entries.entrySet()) {
        out.writeUTF(e.getKey());
        Entry v = e.getValue();
        out.writeLong(v.size());
        out.writeLong(v.modified());
        out.writeLong(v.changed());
        out.writeLong(v.inode());
        out.writeLong(v.device());
        out.write(v.digest());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  /** The entries of a payload; empty when it is not one this class wrote whole. */
  static Optional<Map<String, Entry>> decode(byte[] payload) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      int n = in.readInt();
      if (n < 0 || n > MAX_ENTRIES) return Optional.empty();
      Map<String, Entry> entries = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        long size = in.readLong();
        long modified = in.readLong();
        long changed = in.readLong();
        long inode = in.readLong();
        long device = in.readLong();
        byte[] digest = new byte[DIGEST_BYTES];
        in.readFully(digest);
        entries.put(name, new Entry(size, modified, changed, inode, device, digest));
      }
      return in.available() == 0 ? Optional.of(entries) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
