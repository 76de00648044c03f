package dev.iamlint.cli;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resident server: answers scans for clients in its working directory, warm, one at a time,
 * until it has been idle for {@code IAMLINT_DAEMON_IDLE} minutes (default 30), its socket is
 * removed, iamlint is rebuilt, or {@code iamlint daemon stop} asks. One server per socket: the
 * first takes a lock beside it, later ones leave at once.
 */
public final class DaemonServer {
  private DaemonServer() {}

  /**
   * The server's JVM: the optimising compiler pays off in a process that answers for hours (as the
   * language server's does); the serial collector gives memory back when the heap shrinks, which a
   * process idle most of the time should.
   */
  static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms16m", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40",
      "-Xshare:auto");

  private static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);

  /** Quiet this long after a scan, the heap is collected and shrunk. */
  private static final long COLLECT_AFTER_MILLIS = 2_000;

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: DaemonServer SOCKET");
      System.exit(ExitCodes.ERROR);
    }
    System.exit(new Server(Path.of(args[0]), idle(System.getenv()), Daemon.code()).serve(true));
  }

  /**
   * A status request through a socket in {@code dir}, both sides in this process: the warm-up run
   * that makes the launcher's class-data archive passes here, so a client's classes are mapped,
   * not loaded. Nothing here fails the warm-up: whether the status was answered.
   */
  static boolean roundTrip(Path dir) {
    Path socket = dir.resolve("d.sock");
    Daemon.socket(Map.of("XDG_RUNTIME_DIR", dir.toString()), "", dir, dir);
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Server s = new Server(socket, DEFAULT_IDLE, Optional.empty());
      Thread t = new Thread(() -> {
        try {
          s.answer(server.accept());
        } catch (IOException e) {
          // The client sees no answer.
        }
      }, "iamlint-warm-up-daemon");
      t.start();
      DaemonClient.Outcome outcome = DaemonClient.control(socket, Daemon.Kind.PING, OutputStream.nullOutputStream());
      t.join(10_000);
      return outcome instanceof DaemonClient.Answered;
    } catch (IOException | UnsupportedOperationException e) {
      return false; // no Unix sockets here: no resident server either
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      try {
        Files.deleteIfExists(socket);
      } catch (IOException e) {
        // Inside the warm-up's own directory, which goes as a whole.
      }
    }
  }

  static Duration idle(Map<String, String> environment) {
    try {
      long minutes = Long.parseLong(environment.getOrDefault("IAMLINT_DAEMON_IDLE", "").trim());
      if (minutes > 0) return Duration.ofMinutes(minutes);
    } catch (NumberFormatException e) {
      // The default.
    }
    return DEFAULT_IDLE;
  }

  /** One server on {@code socket}; {@code code} is watched for a rebuild. */
  static final class Server {
    private final Path socket;
    private final Duration idle;
    private final Optional<Path> code;
    private final String stamp;
    private final Path workingDirectory = Path.of("").toAbsolutePath();
    private final long started = System.currentTimeMillis();
    private volatile boolean stopping;
    private int scans;

    Server(Path socket, Duration idle, Optional<Path> code) {
      this.socket = socket;
      this.idle = idle;
      this.code = code;
      this.stamp = code.map(Daemon::stamp).orElse("");
    }

    /** Serves until idle, stopped or stale: 0, or 2 when it cannot serve at all. */
    int serve(boolean warmUp) {
      Path lockFile = Path.of(socket + ".lock");
      try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           FileLock lock = lockChannel.tryLock()) {
        if (lock == null) return ExitCodes.CLEAN; // another process's server has this socket
        if (warmUp) warmUp();
        Files.deleteIfExists(socket);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
          server.bind(UnixDomainSocketAddress.of(socket));
          Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
          Files.deleteIfExists(Path.of(socket + ".starting"));
          log("serving " + workingDirectory + " on " + socket);
          server.configureBlocking(false);
          server.register(selector, SelectionKey.OP_ACCEPT);
          long last = System.currentTimeMillis();
          boolean collect = false;
          while (!stopping) {
            selector.select(1000);
            selector.selectedKeys().clear();
            SocketChannel client = server.accept();
            long now = System.currentTimeMillis();
            if (client != null) {
              answer(client);
              last = System.currentTimeMillis();
              collect = true;
              continue;
            }
            if (collect && now - last > COLLECT_AFTER_MILLIS) {
              System.gc();
              collect = false;
            }
            if (now - last > idle.toMillis()) {
              log("idle for " + idle.toMinutes() + " min: stopping");
              break;
            }
            if (!Files.exists(socket)) {
              log("socket removed: stopping");
              break;
            }
            if (stale()) {
              log("iamlint was rebuilt: stopping");
              break;
            }
          }
        } finally {
          Files.deleteIfExists(socket);
          // The log is kept only when serving failed, for 'daemon start' to point at. The lock file
          // stays: deleted, a server that had just opened it would lock a file nobody else sees.
          Files.deleteIfExists(Path.of(socket + ".log"));
        }
        return ExitCodes.CLEAN;
      } catch (java.nio.channels.OverlappingFileLockException e) {
        return ExitCodes.CLEAN; // a server of this process has it
      } catch (IOException | RuntimeException e) {
        log("cannot serve: " + e);
        return ExitCodes.ERROR;
      }
    }

    private boolean stale() {
      return code.isPresent() && !Daemon.stamp(code.get()).equals(stamp);
    }

    /** The classes and compiled code of a scan, before the first client waits for them. */
    private void warmUp() {
      PrintWriter discard = new PrintWriter(Writer.nullWriter());
      for (int i = 0; i < 3; i++) Main.run(new String[] {"debug", "warm-up"}, discard, discard);
    }

    /** Reads one request and answers it; a client that goes away costs nothing but its scan. */
    void answer(SocketChannel client) {
      try (client) {
        client.configureBlocking(true);
        DataInputStream in = new DataInputStream(Channels.newInputStream(client));
        int length = in.readInt();
        if (length < 0 || length > Daemon.MAX_REQUEST) return;
        Daemon.Request request = Daemon.Request.decode(in.readNBytes(length));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client), 1 << 16));
        switch (request.kind()) {
          case PING -> text(out, "iamlint: resident server for " + workingDirectory + ": pid " + ProcessHandle.current().pid()
              + ", up " + (System.currentTimeMillis() - started) / 1000 + " s, " + scans + " scans\n");
          case STOP -> {
            text(out, "iamlint: stopped the resident server for " + workingDirectory + "\n");
            stopping = true;
          }
          case SCAN -> scan(request, out);
        }
        out.flush();
      } catch (IOException | RuntimeException e) {
        log("request failed: " + e);
      }
    }

    private void scan(Daemon.Request request, DataOutputStream out) throws IOException {
      Optional<String> refusal = refusal(request);
      if (refusal.isPresent()) {
        out.writeByte(Daemon.REFUSED);
        Daemon.writeString(out, refusal.get());
        return;
      }
      PrintWriter stdout = writer(out, Daemon.OUT, request.stdoutCharset());
      PrintWriter stderr = writer(out, Daemon.ERR, request.stderrCharset());
      int exitCode = Main.run(request.args().toArray(String[]::new), stdout, stderr,
          new Invocation(request.environment(), request.terminal()));
      stdout.flush();
      stderr.flush();
      scans++;
      out.writeByte(Daemon.EXIT);
      out.writeInt(exitCode);
    }

    /** Why this server must not run {@code request} (the client then runs it itself). */
    private Optional<String> refusal(Daemon.Request request) {
      if (stale()) {
        stopping = true;
        return Optional.of("iamlint was rebuilt");
      }
      if (!request.workingDirectory().equals(workingDirectory.toString())) return Optional.of("another working directory");
      if (request.args().isEmpty() || !request.args().get(0).equals("scan")) return Optional.of("only scans are served");
      if (!Charset.isSupported(request.stdoutCharset()) || !Charset.isSupported(request.stderrCharset())) {
        return Optional.of("an unknown charset");
      }
      return Optional.empty();
    }

    private static void text(DataOutputStream out, String text) throws IOException {
      byte[] b = text.getBytes(Charset.defaultCharset());
      out.writeByte(Daemon.OUT);
      out.writeInt(b.length);
      out.write(b);
      out.writeByte(Daemon.EXIT);
      out.writeInt(ExitCodes.CLEAN);
    }

    /** A writer whose flushed text goes to the client as frames of {@code kind}. */
    private static PrintWriter writer(DataOutputStream out, byte kind, String charset) {
      OutputStream frames = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          if (len == 0) return;
          synchronized (out) {
            out.writeByte(kind);
            out.writeInt(len);
            out.write(b, off, len);
          }
        }

        @Override
        public void flush() throws IOException {
          synchronized (out) {
            out.flush();
          }
        }
      };
      return new PrintWriter(new OutputStreamWriter(frames, Charset.forName(charset)), true);
    }

    private static void log(String message) {
      System.err.println(java.time.Instant.now() + " " + message);
    }
  }
}
