package dev.iamlint.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The client side of the resident server: sends a scan to this directory's server and copies its
 * answer to stdout and stderr. Anything short of an answer (no server yet, a server of another
 * build, a refusal) leaves the scan to this process, so a run with IAMLINT_DAEMON set never fails
 * for the server's sake; a server is started then, for the runs that follow.
 */
final class DaemonClient {
  private DaemonClient() {}

  /** How long a started server is given to come up before another run starts one again. */
  private static final long STARTING_MILLIS = 30_000;

  /** How long after a server failed to serve no other is started (its log says why). */
  private static final long FAILED_MILLIS = 10 * 60_000;

  /** What asking gave. */
  sealed interface Outcome permits Answered, Refused, Unreachable, Broken {}

  /** The server ran the command: its exit code. */
  record Answered(int exitCode) implements Outcome {}

  /**
   * The server would not run it (another directory, a rebuilt iamlint, not a scan, not this user's
   * server): run it here.
   */
  record Refused(String reason) implements Outcome {}

  /** No server answers on the socket. */
  record Unreachable() implements Outcome {}

  /** The server went away after part of the answer was written: too late to run it here. */
  record Broken(String reason) implements Outcome {}

  /** A scan answered by the server: its exit code; empty when this process must run it. */
  static OptionalInt scan(String[] args) {
    Optional<Path> code = Daemon.code();
    if (code.isEmpty()) return OptionalInt.empty();
    Path cwd = Path.of("").toAbsolutePath();
    Map<String, String> env = System.getenv();
    Optional<Path> socket = Daemon.socket(env, System.getProperty("user.home", ""), code.get(), cwd);
    if (socket.isEmpty()) return OptionalInt.empty();
    Daemon.Request request = new Daemon.Request(Daemon.Kind.SCAN, cwd.toString(), env, System.console() != null,
        charsetOf("stdout.encoding", "sun.stdout.encoding"), charsetOf("stderr.encoding", "sun.stderr.encoding"),
        Locale.getDefault().toLanguageTag(), List.of(args));
    Outcome outcome = ask(socket.get(), request, System.out, System.err);
    if (outcome instanceof Answered a) {
      // As Main.run does: a report lost to a full disk or a closed pipe is not a clean run.
      if (System.out.checkError() && a.exitCode() != ExitCodes.ERROR) {
        System.err.println(Main.OUTPUT_LOST);
        return OptionalInt.of(ExitCodes.ERROR);
      }
      return OptionalInt.of(a.exitCode());
    }
    if (outcome instanceof Broken b) {
      System.err.println("iamlint: the resident server stopped during the scan (" + b.reason() + "); run it again");
      return OptionalInt.of(ExitCodes.ERROR);
    }
    if (outcome instanceof Unreachable) start(socket.get(), code.get(), cwd);
    return OptionalInt.empty();
  }

  /**
   * The charset this process's stdout or stderr encodes with, as {@link System#out} takes it:
   * {@code stdout.encoding} on Java 19 and later, {@code sun.stdout.encoding} before, else the
   * default.
   */
  private static String charsetOf(String... properties) {
    for (String property : properties) {
      String name = System.getProperty(property);
      try {
        if (name != null && Charset.isSupported(name)) return name;
      } catch (IllegalArgumentException e) {
        // An illegal name: the next, as System.out would.
      }
    }
    return Charset.defaultCharset().name();
  }

  /** Sends {@code request} to the server on {@code socket}; its output goes to {@code out} and {@code err}. */
  static Outcome ask(Path socket, Daemon.Request request, OutputStream out, OutputStream err) {
    if (!Files.exists(socket)) return new Unreachable();
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException | UnsupportedOperationException e) {
      return new Unreachable();
    }
    boolean written = false;
    try (channel) {
      // Nothing of this process (its environment holds secrets) goes to another user's server.
      if (!Daemon.peerIsMe(channel)) return new Refused("not this user's server");
      byte[] body = request.encode();
      DataOutputStream send = new DataOutputStream(Channels.newOutputStream(channel));
      send.writeInt(body.length);
      send.write(body);
      send.flush();
      DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
      byte[] buffer = new byte[8192];
      while (true) {
        byte kind = in.readByte();
        if (kind == Daemon.EXIT) {
          int exitCode = in.readInt();
          out.flush();
          err.flush();
          return new Answered(exitCode);
        }
        if (kind == Daemon.REFUSED) return new Refused(Daemon.readString(in));
        if (kind != Daemon.OUT && kind != Daemon.ERR) return written ? new Broken("unknown answer") : new Refused("unknown answer");
        int n = in.readInt();
        if (n < 0 || n > Daemon.MAX_REQUEST) return written ? new Broken("bad frame") : new Refused("bad frame");
        OutputStream target = kind == Daemon.OUT ? out : err;
        // From the first byte on, the scan cannot be run here again without printing twice.
        written = true;
        while (n > 0) {
          int r = in.read(buffer, 0, Math.min(n, buffer.length));
          if (r < 0) throw new java.io.EOFException();
          target.write(buffer, 0, r);
          n -= r;
        }
        target.flush();
      }
    } catch (IOException e) {
      // Nothing written yet: as if there were no server, the scan runs here.
      return written ? new Broken(e.getClass().getSimpleName()) : new Unreachable();
    }
  }

  /**
   * Starts a server for {@code cwd} in the background, unless one was started moments ago (it may
   * still be warming up): its output goes to a log beside the socket, and it holds none of this
   * process's streams, so a hook that waits for them is not kept waiting.
   */
  static boolean start(Path socket, Path code, Path cwd) {
    Path starting = Path.of(socket + ".starting");
    Path failed = Path.of(socket + ".failed");
    try {
      if (recent(starting, STARTING_MILLIS) || recent(failed, FAILED_MILLIS)) return false;
      if (!Files.exists(starting)) Files.createFile(starting);
      Files.setLastModifiedTime(starting, FileTime.fromMillis(System.currentTimeMillis()));
      List<String> command = new ArrayList<>();
      // A session of its own where setsid exists: a Ctrl-C in the terminal that ran the first
      // scan (a git commit) is not the server's.
      if (Files.isExecutable(Path.of("/usr/bin/setsid"))) command.add("/usr/bin/setsid");
      command.add(javaExecutable());
      command.addAll(DaemonServer.JVM_FLAGS);
      command.add("-cp");
      command.add(code.toString());
      command.add(DaemonServer.class.getName());
      command.add(socket.toString());
      new ProcessBuilder(command).directory(cwd.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(socket + ".log")))
          .start();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean recent(Path marker, long millis) throws IOException {
    return Files.exists(marker) && System.currentTimeMillis() - Files.getLastModifiedTime(marker).toMillis() < millis;
  }

  /** The java this process runs on. */
  private static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** For {@code daemon status|stop}: a request of {@code kind} with no arguments. */
  static Outcome control(Path socket, Daemon.Kind kind, OutputStream out) {
    Daemon.Request request = new Daemon.Request(kind, Path.of("").toAbsolutePath().toString(), Map.of(), false,
        Charset.defaultCharset().name(), Charset.defaultCharset().name(), Locale.getDefault().toLanguageTag(), List.of());
    return ask(socket, request, out, out);
  }
}
