package dev.iamlint.cli;

import dev.iamlint.cache.DiskCache;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The resident server's shared part: where its socket lives and what crosses it.
 *
 * <p>One server per build of iamlint, Java runtime and working directory: the scan resolves
 * relative paths against the process's working directory, so a server answers only clients in its
 * own. Its socket lies in a directory of the user's own that nobody else may enter
 * ({@code $XDG_RUNTIME_DIR/iamlint}, else {@code $XDG_CACHE_HOME/iamlint/daemon}, else
 * {@code ~/.cache/iamlint/daemon}, mode 700): only the user (and root) can connect, and the
 * server runs nothing but scans.
 */
final class Daemon {
  private Daemon() {}

  static final String PROTOCOL = "iamlint-daemon/1";

  /** What a request asks. */
  enum Kind { SCAN, PING, STOP }

  /** Frame kinds of an answer: bytes for stdout or stderr, the exit code, a refusal (run it yourself). */
  static final byte OUT = 'O';
  static final byte ERR = 'E';
  static final byte EXIT = 'X';
  static final byte REFUSED = 'R';

  /** No request is larger (the environment and the arguments); a larger one is not ours. */
  static final int MAX_REQUEST = 4 << 20;

  /** Unix sockets' paths are limited to 108 bytes (104 on some systems). */
  private static final int MAX_SOCKET_PATH = 100;

  /** A request: what the client asks and what it is (its directory, environment, terminal, charsets). */
  record Request(Kind kind, String workingDirectory, Map<String, String> environment, boolean terminal,
      String stdoutCharset, String stderrCharset, String locale, List<String> args) {
    Request {
      environment = Map.copyOf(environment);
      args = List.copyOf(args);
    }

    byte[] encode() throws IOException {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      writeString(out, PROTOCOL);
      writeString(out, kind.name());
      writeString(out, workingDirectory);
      out.writeBoolean(terminal);
      writeString(out, stdoutCharset);
      writeString(out, stderrCharset);
      writeString(out, locale);
      out.writeInt(environment.size());
      for (Map.Entry<String, String> e : environment.entrySet()) {
        writeString(out, e.getKey());
        writeString(out, e.getValue());
      }
      out.writeInt(args.size());
      for (String a : args) writeString(out, a);
      out.flush();
      return bytes.toByteArray();
    }

    static Request decode(byte[] bytes) throws IOException {
      DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
      if (!readString(in).equals(PROTOCOL)) throw new IOException("not " + PROTOCOL);
      Kind kind;
      try {
        kind = Kind.valueOf(readString(in));
      } catch (IllegalArgumentException e) {
        throw new IOException("unknown request");
      }
      String cwd = readString(in);
      boolean terminal = in.readBoolean();
      String outCharset = readString(in);
      String errCharset = readString(in);
      String locale = readString(in);
      int n = count(in);
      Map<String, String> env = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) env.put(readString(in), readString(in));
      int m = count(in);
      List<String> args = new ArrayList<>();
      for (int i = 0; i < m; i++) args.add(readString(in));
      return new Request(kind, cwd, env, terminal, outCharset, errCharset, locale, args);
    }
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_REQUEST) throw new IOException("bad length " + n);
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 100_000) throw new IOException("bad count " + n);
    return n;
  }

  /** IAMLINT_DAEMON set to anything but empty, 0, false, no or off. */
  static boolean wanted(Map<String, String> environment) {
    String v = environment.getOrDefault("IAMLINT_DAEMON", "").trim().toLowerCase(java.util.Locale.ROOT);
    return !(v.isEmpty() || v.equals("0") || v.equals("false") || v.equals("no") || v.equals("off"));
  }

  /** This build's code: the jar (or, run from compiled classes, their directory). */
  static Optional<Path> code() {
    try {
      return Optional.of(Path.of(Daemon.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** What changes when the code is rebuilt: its size and time. */
  static String stamp(Path code) {
    try {
      return Files.size(code) + "-" + Files.getLastModifiedTime(code).toMillis();
    } catch (IOException e) {
      return "gone";
    }
  }

  /**
   * The socket of the server for {@code workingDirectory}, under {@code environment}'s directories:
   * empty when there is no safe place for it (then every run is local).
   */
  static Optional<Path> socket(Map<String, String> environment, String home, Path code, Path workingDirectory) {
    Optional<Path> dir = directory(environment, home);
    if (dir.isEmpty()) return Optional.empty();
    String key = String.join("\n", code.toString(), stamp(code), System.getProperty("java.home", ""),
        System.getProperty("java.version", ""), workingDirectory.toString());
    Path socket = dir.get().resolve(name(key) + ".sock");
    return socket.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH ? Optional.of(socket) : Optional.empty();
  }

  /** The sockets' directory, made if need be: one the user owns and nobody else can enter. */
  static Optional<Path> directory(Map<String, String> environment, String home) {
    try {
      String runtime = environment.getOrDefault("XDG_RUNTIME_DIR", "");
      Path dir;
      if (!runtime.isBlank() && Path.of(runtime).isAbsolute() && Files.isDirectory(Path.of(runtime))) {
        dir = Path.of(runtime, "iamlint");
      } else {
        Optional<Path> cache = DiskCache.location(environment, home);
        if (cache.isEmpty()) return Optional.empty();
        dir = cache.get().resolve("daemon");
      }
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(dir.getParent());
        try {
          Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // Made at the same moment by another run (or a file of that name: refused below).
        }
      }
      return isPrivate(dir) ? Optional.of(dir) : Optional.empty();
    } catch (IOException | InvalidPathException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** A real directory (not a link), owned by this user, that group and others cannot use. */
  static boolean isPrivate(Path dir) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) return false;
    PosixFileAttributes a = view.readAttributes();
    if (!a.isDirectory() || !a.owner().equals(me())) return false;
    for (PosixFilePermission p : a.permissions()) {
      if (p != PosixFilePermission.OWNER_READ && p != PosixFilePermission.OWNER_WRITE && p != PosixFilePermission.OWNER_EXECUTE) {
        return false;
      }
    }
    return true;
  }

  /** This process's user (compared by user id). */
  static UserPrincipal me() throws IOException {
    return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
  }

  /**
   * Whether the process at the other end of {@code channel} runs as this user: the directory's
   * permissions keep others from the socket, and this holds even if a directory above it was
   * someone else's to rename. Where the system cannot tell, no.
   */
  static boolean peerIsMe(SocketChannel channel) {
    try {
      UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
      return peer != null && peer.user().equals(me());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /**
   * A name for {@code key}: two 64-bit FNV-1a hashes, 24 hex digits. Not a secret (the directory's
   * permissions guard the socket), only distinct; a cryptographic digest cost a tenth of the
   * client's start-up in provider loading.
   */
  static String name(String key) {
    long a = 0xcbf29ce484222325L;
    long b = 0x84222325cbf29ce4L;
    for (byte x : key.getBytes(StandardCharsets.UTF_8)) {
      a = (a ^ (x & 0xff)) * 0x100000001b3L;
      b = (b ^ (x & 0xff)) * 0x100000001b3L;
      b ^= b >>> 29;
    }
    StringBuilder hex = new StringBuilder(24);
    for (int shift = 60; shift >= 0; shift -= 4) hex.append(Character.forDigit((int) (a >>> shift) & 0xf, 16));
    for (int shift = 60; shift >= 32; shift -= 4) hex.append(Character.forDigit((int) (b >>> shift) & 0xf, 16));
    return hex.toString();
  }
}
