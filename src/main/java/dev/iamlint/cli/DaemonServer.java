package dev.iamlint.cli;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
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
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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

  /** A client has this long to send its request: one that sends nothing holds up no other. */
  static final Duration REQUEST_LIMIT = Duration.ofSeconds(5);

  /** Quiet this long after a scan, the heap is collected and shrunk. */
  private static final long COLLECT_AFTER_MILLIS = 2_000;

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: DaemonServer SOCKET");
      System.exit(ExitCodes.ERROR);
    }
    System.exit(new Server(Path.of(args[0]), idle(System.getenv()), REQUEST_LIMIT, Daemon.code()).serve(true));
  }

  /**
   * A status request through a socket in {@code dir}, both sides in this process: the warm-up run
   * that makes the launcher's class-data archive passes here, so a client's classes are mapped,
   * not loaded. Nothing here fails the warm-up: whether the status was answered.
   */
  static boolean roundTrip(Path dir) {
    Path socket = dir.resolve("d.sock");
    // Its result is not needed: the classes that place a socket (and check its directory) are.
    Daemon.socket(Map.of("XDG_RUNTIME_DIR", dir.toString()), "", dir, dir);
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Server s = new Server(socket, DEFAULT_IDLE, REQUEST_LIMIT, Optional.empty());
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
    private final Duration requestLimit;
    private final Optional<Path> code;
    private final String stamp;
    private final Path workingDirectory = Path.of("").toAbsolutePath();
    /** The directory itself, as the kernel holds it: one deleted and made again is another. */
    private final Optional<Object> workingDirectoryKey = fileKey(Path.of("."));
    private final long started = System.nanoTime();
    private volatile boolean stopping;
    private int scans;

    Server(Path socket, Duration idle, Duration requestLimit, Optional<Path> code) {
      this.socket = socket;
      this.idle = idle;
      this.requestLimit = requestLimit;
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
          long last = System.nanoTime();
          boolean collect = false;
          while (!stopping) {
            selector.select(1000);
            selector.selectedKeys().clear();
            SocketChannel client = server.accept();
            if (client != null) {
              answer(client);
              last = System.nanoTime();
              collect = true;
              continue;
            }
            long quiet = (System.nanoTime() - last) / 1_000_000;
            if (collect && quiet > COLLECT_AFTER_MILLIS) {
              System.gc();
              collect = false;
            }
            if (quiet > idle.toMillis()) {
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
        }
        // The log is kept only when serving failed, for 'daemon start' to point at. The lock file
        // stays: deleted, a server that had just opened it would lock a file nobody else sees.
        Files.deleteIfExists(Path.of(socket + ".log"));
        return ExitCodes.CLEAN;
      } catch (java.nio.channels.OverlappingFileLockException e) {
        return ExitCodes.CLEAN; // a server of this process has it
      } catch (IOException | RuntimeException e) {
        log("cannot serve: " + e);
        failed();
        return ExitCodes.ERROR;
      }
    }

    /** No other server is started for a while (the clients run their scans themselves). */
    private void failed() {
      try {
        Files.writeString(Path.of(socket + ".failed"), "see " + socket + ".log\n");
      } catch (IOException e) {
        // Then clients try again after their start-up pause.
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
        if (!Daemon.peerIsMe(client)) {
          log("refused a client of another user");
          return;
        }
        Optional<byte[]> body = read(client);
        if (body.isEmpty()) return;
        Daemon.Request request = Daemon.Request.decode(body.get());
        client.configureBlocking(true);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client), 1 << 16));
        try {
          switch (request.kind()) {
            case PING -> text(out, "iamlint: resident server for " + workingDirectory + ": pid "
                + ProcessHandle.current().pid() + ", up " + (System.nanoTime() - started) / 1_000_000_000L + " s, "
                + scans + " scans\n");
            case STOP -> {
              text(out, "iamlint: stopped the resident server for " + workingDirectory + "\n");
              stopping = true;
            }
            case SCAN -> scan(request, out);
          }
        } finally {
          out.flush();
        }
      } catch (IOException | RuntimeException e) {
        log("request failed: " + e);
      }
    }

    /**
     * The request's bytes, read within the time limit: empty when the client sends too little in
     * time, closes early, or sends what is no request of ours.
     */
    private Optional<byte[]> read(SocketChannel client) throws IOException {
      client.configureBlocking(false);
      long deadline = System.nanoTime() + requestLimit.toNanos();
      try (Selector selector = Selector.open()) {
        client.register(selector, SelectionKey.OP_READ);
        ByteBuffer length = ByteBuffer.allocate(4);
        ByteBuffer body = null;
        while (true) {
          ByteBuffer buffer = body == null ? length : body;
          int n = client.read(buffer);
          if (n < 0) return Optional.empty();
          if (!buffer.hasRemaining()) {
            if (body != null) return Optional.of(body.array());
            int size = length.flip().getInt();
            if (size < 0 || size > Daemon.MAX_REQUEST) return Optional.empty();
            body = ByteBuffer.allocate(size);
            if (size == 0) return Optional.of(body.array());
            continue;
          }
          long left = (deadline - System.nanoTime()) / 1_000_000;
          if (left <= 0) {
            log("a client sent no request within " + requestLimit.toSeconds() + " s");
            return Optional.empty();
          }
          if (n == 0) selector.select(left);
          selector.selectedKeys().clear();
        }
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
      // Messages that format numbers read the default locale: the client's, as in its own JVM.
      Locale.setDefault(Locale.forLanguageTag(request.locale()));
      int exitCode;
      try {
        exitCode = Main.run(request.args().toArray(String[]::new), stdout, stderr,
            new Invocation(request.environment(), request.terminal(), true));
      } catch (Error e) {
        // Reported to the client already; a server that ran out of memory or lost a class serves no more.
        exitCode = ExitCodes.ERROR;
        stopping = true;
        log("stopping after " + e);
      }
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
      if (!workingDirectoryKey.equals(fileKey(workingDirectory))) {
        // Deleted and made again: relative paths would still be read in the old one.
        stopping = true;
        return Optional.of("the working directory was made anew");
      }
      List<String> args = request.args();
      if (args.isEmpty() || !args.get(0).equals("scan")) return Optional.of("only scans are served");
      // Stack traces go to the process's own stderr, and help is coloured for its own terminal.
      for (String a : args) {
        if (a.equals("--debug") || a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V")) {
          return Optional.of(a + " runs in the client");
        }
      }
      if (!Charset.isSupported(request.stdoutCharset()) || !Charset.isSupported(request.stderrCharset())) {
        return Optional.of("an unknown charset");
      }
      return Optional.empty();
    }

    private static Optional<Object> fileKey(Path directory) {
      try {
        return Optional.ofNullable(Files.readAttributes(directory, BasicFileAttributes.class).fileKey());
      } catch (IOException e) {
        return Optional.empty();
      }
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
