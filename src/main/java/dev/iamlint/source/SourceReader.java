package dev.iamlint.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one way iamlint reads the text of a file it judges or evaluates: discovery, the Terraform
 * loader (module files, variable files, {@code file()}, {@code templatefile()}, the modules
 * manifest) and the files named on the command line all read through it, so that no two of them
 * can apply different limits.
 *
 * <p>Only a regular file is read: a FIFO or a device named {@code main.tf} would block a run or
 * never end. At most {@link #MAX_BYTES} are read. The text is decoded as the format allows:
 * HCL is UTF-8 ({@link Encoding#UTF8}); YAML and JSON may also be UTF-16 or UTF-32
 * ({@link Encoding#UNICODE}). A byte order mark is honoured and dropped. What cannot be read is
 * {@link Refused} with a reason a user can act on and, when the text is at fault, where.
 */
public final class SourceReader {

  /** CloudFormation's own limit is 1 MB; anything far beyond that is not a source. */
  public static final long MAX_BYTES = 16L * 1024 * 1024;

  /** What a format's text may be encoded in. */
  public enum Encoding {
    /** HCL and Terraform's JSON: UTF-8 only; a UTF-8 byte order mark is skipped, as HashiCorp's scanner does. */
    UTF8,
    /**
     * YAML and JSON: UTF-8, UTF-16 or UTF-32, told by the byte order mark or, without one, by the
     * zero bytes of the first characters (YAML 1.2 section 5.2, RFC 4627 section 3).
     */
    UNICODE
  }

  /** What reading a file gave. */
  public sealed interface Outcome permits Text, Refused {}

  public record Text(String text) implements Outcome {}

  /** A file's bytes, read with every check but the encoding: for what hashes exactly what was read. */
  public sealed interface Raw permits Bytes, Refused {}

  public record Bytes(byte[] bytes) implements Raw {}

  /** A file not read: why, and where (line and column, 1-based: the start unless the text is at fault). */
  public record Refused(String reason, int line, int column) implements Outcome, Raw {
    Refused(String reason) {
      this(reason, 1, 1);
    }
  }

  /** Reads any file: for those the user named on the command line, which may lie anywhere. */
  public static final SourceReader UNCONFINED = new SourceReader(Optional.empty(), Overlay.NONE);

  private final Optional<Path> realRoot;
  private final Overlay overlay;

  private SourceReader(Optional<Path> realRoot, Overlay overlay) {
    this.realRoot = realRoot;
    this.overlay = overlay;
  }

  /** This reader, taking {@code buffers}' text in place of the disk's (the same limits apply). */
  public SourceReader over(Overlay buffers) {
    return buffers == overlay ? this : new SourceReader(realRoot, buffers);
  }

  /** Reads only files whose real path (symbolic links resolved) lies under {@code root}'s. */
  public static SourceReader confinedTo(Path root) {
    Path real;
    try {
      real = root.toRealPath();
    } catch (IOException e) {
      real = root.toAbsolutePath().normalize();
    }
    return new SourceReader(Optional.of(real), Overlay.NONE);
  }

  public Outcome read(Path file, Encoding encoding) {
    return read(file, encoding, MAX_BYTES);
  }

  public Outcome read(Path file, Encoding encoding, long maxBytes) {
    Raw raw = bytes(file, maxBytes);
    return raw instanceof Bytes b ? decode(b.bytes(), encoding) : (Refused) raw;
  }

  /**
   * Reads a file whose real path the caller has resolved ({@code real}: no symbolic link in it),
   * as a walk that follows no link knows its files': the same checks, without resolving it again.
   */
  public Outcome readResolved(Path real, Encoding encoding) {
    Raw raw = bytes(real, real, MAX_BYTES);
    return raw instanceof Bytes b ? decode(b.bytes(), encoding) : (Refused) raw;
  }

  public Raw bytes(Path file) {
    return bytes(file, MAX_BYTES);
  }

  public Raw bytes(Path file, long maxBytes) {
    try {
      return bytes(file, file.toRealPath(), maxBytes);
    } catch (IOException e) {
      return new Refused(describe(e));
    }
  }

  private Raw bytes(Path file, Path real, long maxBytes) {
    try {
      if (realRoot.isPresent() && !real.startsWith(realRoot.get())) {
        return new Refused("lies outside the scan root (through a symbolic link): not read");
      }
      BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isDirectory()) return new Refused("a directory, not a file");
      if (!attributes.isRegularFile()) return new Refused("not a regular file (a pipe, socket or device): not read");
      Optional<String> buffer = overlay.text(real).or(() -> overlay.text(file));
      if (buffer.isPresent()) {
        byte[] bytes = buffer.get().getBytes(StandardCharsets.UTF_8);
        return bytes.length > maxBytes ? new Refused(tooLarge(maxBytes)) : new Bytes(bytes);
      }
      if (attributes.size() > maxBytes) return new Refused(tooLarge(maxBytes));
      byte[] bytes;
      try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
        // The size said may be wrong (a file still being written): never read past the limit.
        bytes = readUpTo(in, attributes.size(), (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      }
      if (bytes.length > maxBytes) return new Refused(tooLarge(maxBytes));
      return new Bytes(bytes);
    } catch (IOException e) {
      return new Refused(describe(e));
    }
  }

  /**
   * At most {@code limit} bytes of {@code in}, read into an array of the size the file said it has
   * (no buffer to copy from when it said right); a file that grew meanwhile is read on.
   */
  static byte[] readUpTo(InputStream in, long size, int limit) throws IOException {
    byte[] head = new byte[(int) Math.min(size, limit)];
    int n = in.readNBytes(head, 0, head.length);
    if (n < head.length) return Arrays.copyOf(head, n);
    if (n == limit) return head;
    int next = in.read();
    if (next < 0) return head;
    byte[] rest = in.readNBytes(limit - n - 1);
    byte[] all = Arrays.copyOf(head, n + 1 + rest.length);
    all[n] = (byte) next;
    System.arraycopy(rest, 0, all, n + 1, rest.length);
    return all;
  }

  static String tooLarge(long maxBytes) {
    return maxBytes % (1024 * 1024) == 0 ? "file is larger than " + maxBytes / (1024 * 1024) + " MiB"
        : "file is larger than " + maxBytes + " bytes";
  }

  /**
   * The first {@code maxBytes} of a regular file, decoded as well as they can be (a legacy 8-bit
   * encoding byte for byte): enough to tell what a file is that cannot be read whole. Empty when
   * nothing of it can be read (not a regular file, not readable).
   */
  public static Optional<String> head(Path file, int maxBytes) {
    try {
      if (!Files.isRegularFile(file)) return Optional.empty();
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(maxBytes);
      }
      Detected d = detect(bytes);
      Charset charset = d.charset().equals(StandardCharsets.UTF_8) ? StandardCharsets.ISO_8859_1 : d.charset();
      return Optional.of(new String(bytes, d.mark(), bytes.length - d.mark(), charset));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The encoding a text's first bytes show, and the length of its byte order mark (0 when none). */
  private record Detected(Charset charset, int mark) {
    boolean wide() {
      return !charset.equals(StandardCharsets.UTF_8);
    }
  }

  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  /** The header git-crypt writes before a file's ciphertext. */
  private static final byte[] GIT_CRYPT = "\0GITCRYPT\0".getBytes(StandardCharsets.US_ASCII);

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) return false;
    }
    return true;
  }

  private static Detected detect(byte[] b) {
    int n = b.length;
    if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) return new Detected(UTF_32BE, 4);
    if (n >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) return new Detected(UTF_32LE, 4);
    if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return new Detected(StandardCharsets.UTF_8, 3);
    }
    if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return new Detected(StandardCharsets.UTF_16BE, 2);
    if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return new Detected(StandardCharsets.UTF_16LE, 2);
    // No mark: the first character is ASCII in any real source, so its zero bytes tell the width.
    if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) return new Detected(UTF_32BE, 0);
    if (n >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) return new Detected(UTF_32LE, 0);
    if (n >= 2 && b[0] == 0 && b[1] != 0) return new Detected(StandardCharsets.UTF_16BE, 0);
    if (n >= 2 && b[0] != 0 && b[1] == 0) return new Detected(StandardCharsets.UTF_16LE, 0);
    return new Detected(StandardCharsets.UTF_8, 0);
  }

  /** The text of {@code bytes} in {@code encoding}, or why it is not text. */
  public static Outcome decode(byte[] bytes, Encoding encoding) {
    if (startsWith(bytes, GIT_CRYPT)) {
      return new Refused("encrypted by git-crypt: its text is not readable here (unlock the repository to scan it)");
    }
    Detected d = detect(bytes);
    if (encoding == Encoding.UTF8 && d.wide()) {
      return new Refused("not UTF-8 (looks like " + d.charset().name() + "): save the file as UTF-8");
    }
    if (d.charset() == StandardCharsets.UTF_8) {
      // The usual case, by the JDK's fast decoder. It replaces a malformed byte with U+FFFD: when
      // that character appears (malformed input, or a real one), the strict decoder below decides.
      String text = new String(bytes, d.mark(), bytes.length - d.mark(), StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') < 0) {
        int nul = text.indexOf('\0');
        return nul >= 0 ? refusedAt("not text: it holds a NUL character", text, nul) : new Text(text);
      }
    }
    CharsetDecoder decoder = d.charset().newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, d.mark(), bytes.length - d.mark());
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) result = decoder.flush(out);
    out.flip();
    if (result.isError()) {
      int at = in.position();
      StringBuilder bad = new StringBuilder();
      for (int i = at; i < Math.min(at + Math.max(1, result.length()), bytes.length); i++) {
        bad.append(String.format(Locale.ROOT, bad.length() == 0 ? "0x%02X" : " 0x%02X", bytes[i] & 0xFF));
      }
      String reason = d.wide() ? "not valid " + d.charset().name() + ": bytes " + bad + " here are not a character"
          : "not UTF-8: byte " + bad + " here is not part of a UTF-8 character (save the file as UTF-8)";
      return refusedAt(reason, out, out.limit());
    }
    String text = out.toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) return refusedAt("not text: it holds a NUL character", out, nul);
    return new Text(text);
  }

  /** Refused at character {@code offset} of the text decoded so far; lines end as {@link LineIndex} says. */
  private static Refused refusedAt(String reason, CharSequence text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new Refused(reason, line, offset - lineStart + 1);
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NoSuchFileException) return "no such file";
    if (e instanceof FileSystemException f && f.getReason() != null) return "cannot read: " + f.getReason();
    return "cannot read: " + (e.getMessage() == null ? "input/output error" : e.getMessage());
  }
}
