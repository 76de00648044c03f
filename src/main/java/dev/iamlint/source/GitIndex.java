package dev.iamlint.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The paths a repository tracks, read from its index file (gitformat-index(5), versions 2 to 4,
 * SHA-1 or SHA-256) without git. Git never ignores a tracked file, whatever .gitignore says: a
 * template committed with {@code git add -f}, or before its directory was ignored, is a source.
 * An index that cannot be read, or that is not what it claims, tracks nothing: ignore rules then
 * apply to every file, as in a copy of the tree without its repository.
 */
final class GitIndex {

  /** A larger index is not read (a repository of about a million files). */
  static final long MAX_BYTES = 128L * 1024 * 1024;

  static final GitIndex NONE = new GitIndex(Set.of(), Set.of());

  /** Tracked files, '/'-separated, relative to the work tree's top. */
  private final Set<String> files;
  /** Every directory holding a tracked file at some depth (and sparse directory entries). */
  private final Set<String> directories;

  private GitIndex(Set<String> files, Set<String> directories) {
    this.files = files;
    this.directories = directories;
  }

  boolean tracks(String path) {
    return files.contains(path) || inSparseDirectory(path);
  }

  /** Whether a tracked file lies somewhere below the directory {@code path}. */
  boolean holdsTracked(String path) {
    return directories.contains(path) || files.contains(path + "/") || inSparseDirectory(path);
  }

  private boolean inSparseDirectory(String path) {
    for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      if (files.contains(path.substring(0, slash + 1))) return true;
    }
    return false;
  }

  /** The index of the repository whose git directory is {@code gitDirectory}. */
  static GitIndex read(Path gitDirectory) {
    Path file = gitDirectory.resolve("index");
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) return NONE;
      byte[] bytes = Files.readAllBytes(file);
      // The hash length is not in the index: the one whose entries are consistent is right.
      return parse(bytes, 20).or(() -> parse(bytes, 32)).orElse(NONE);
    } catch (IOException e) {
      return NONE;
    }
  }

  static Optional<GitIndex> parse(byte[] bytes, int hashLength) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      if (bytes.length < 12 || in.getInt() != 0x44495243) return Optional.empty(); // "DIRC"
      int version = in.getInt();
      long count = Integer.toUnsignedLong(in.getInt());
      if (version < 2 || version > 4 || count * (40 + hashLength + 3) > bytes.length) return Optional.empty();
      Set<String> files = new HashSet<>();
      Set<String> directories = new HashSet<>();
      byte[] previous = new byte[0];
      for (long i = 0; i < count; i++) {
        int start = in.position();
        in.position(start + 40 + hashLength);
        int flags = Short.toUnsignedInt(in.getShort());
        if ((flags & 0x4000) != 0) {
          if (version < 3) return Optional.empty();
          in.getShort();
        }
        byte[] name;
        if (version == 4) {
          long strip = varint(in);
          if (strip > previous.length) return Optional.empty();
          byte[] suffix = untilNul(in);
          name = new byte[(int) (previous.length - strip) + suffix.length];
          System.arraycopy(previous, 0, name, 0, previous.length - (int) strip);
          System.arraycopy(suffix, 0, name, previous.length - (int) strip, suffix.length);
        } else {
          name = untilNul(in);
          int length = in.position() - start;
          in.position(start + ((length + 7) & ~7));
        }
        int declared = flags & 0xFFF;
        if (name.length == 0 || (declared < 0xFFF ? declared != name.length : name.length < 0xFFF)) return Optional.empty();
        previous = name;
        String path = new String(name, StandardCharsets.UTF_8);
        files.add(path);
        for (int slash = path.indexOf('/'); slash > 0 && slash < path.length() - 1; slash = path.indexOf('/', slash + 1)) {
          directories.add(path.substring(0, slash));
        }
      }
      return Optional.of(new GitIndex(Set.copyOf(files), Set.copyOf(directories)));
    } catch (RuntimeException e) {
      // A truncated or corrupt index (buffer underflow, bad position): it tracks nothing.
      return Optional.empty();
    }
  }

  /** The bytes up to the next NUL, which is consumed; without one, the index is refused (out of bounds). */
  private static byte[] untilNul(ByteBuffer in) {
    int start = in.position();
    int end = start;
    while (in.get(end) != 0) end++;
    byte[] out = new byte[end - start];
    in.get(start, out);
    in.position(end + 1);
    return out;
  }

  /** Git's offset varint (varint.c): each continuation adds one before shifting. */
  private static long varint(ByteBuffer in) {
    int c = Byte.toUnsignedInt(in.get());
    long value = c & 127;
    while ((c & 128) != 0) {
      value += 1;
      if (value > (Long.MAX_VALUE >> 7)) throw new IllegalStateException("varint overflow");
      c = Byte.toUnsignedInt(in.get());
      value = (value << 7) + (c & 127);
    }
    return value;
  }
}
