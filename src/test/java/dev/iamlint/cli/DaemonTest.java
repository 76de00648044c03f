package dev.iamlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The resident server: a scan it answers is the scan this process would run, for the client's
 * environment and terminal; what it must not run it refuses (the client then runs it itself).
 */
class DaemonTest {
  @TempDir
  Path dir;

  private Path socket;
  private Thread serving;
  private final AtomicInteger served = new AtomicInteger(-1);
  private final Path cwd = Path.of("").toAbsolutePath();

  @BeforeEach
  void unixOnly() {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "Unix sockets, POSIX");
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (serving != null && serving.isAlive()) {
      DaemonClient.control(socket, Daemon.Kind.STOP, new ByteArrayOutputStream());
      serving.join(10_000);
    }
  }

  /** A server on a socket in the temporary directory, watching {@code code} for a rebuild. */
  private void startServer(Optional<Path> code) throws InterruptedException {
    socket = dir.resolve("s.sock");
    DaemonServer.Server server = new DaemonServer.Server(socket, Duration.ofMinutes(5), Duration.ofMillis(300), code);
    serving = new Thread(() -> served.set(server.serve(false)), "test-daemon");
    serving.start();
    // The socket file appears at bind, a moment before the server listens: wait for an answer.
    boolean answers = false;
    for (int i = 0; i < 500 && !answers; i++) {
      answers = DaemonClient.control(socket, Daemon.Kind.PING, new ByteArrayOutputStream()) instanceof DaemonClient.Answered;
      if (!answers) Thread.sleep(10);
    }
    assertTrue(answers, "the server is listening");
  }

  record Reply(DaemonClient.Outcome outcome, String out, String err) {}

  private Reply ask(String workingDirectory, Map<String, String> env, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Daemon.Request request = new Daemon.Request(Daemon.Kind.SCAN, workingDirectory, env, terminal, "UTF-8", "UTF-8",
        "en-US", List.of(args));
    DaemonClient.Outcome outcome = DaemonClient.ask(socket, request, out, err);
    return new Reply(outcome, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static CliTest.Run local(String... args) {
    return CliTest.run(args);
  }

  private Path template() throws IOException {
    Path stack = dir.resolve("project").resolve("stack.yaml");
    Files.createDirectories(stack.getParent());
    Files.writeString(stack, """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Ops:
            Type: AWS::IAM::Group
            Properties:
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/AdministratorAccess
        """);
    return stack.getParent();
  }

  @Test
  void aScanAnsweredByTheServerIsTheScanRunHere() throws Exception {
    Path project = template();
    startServer(Optional.empty());
    for (String format : List.of("compact", "json", "sarif", "text")) {
      String[] args = {"scan", "--format", format, "--no-cache", project.toString()};
      CliTest.Run here = local(args);
      Reply there = ask(cwd.toString(), System.getenv(), false, args);
      assertEquals(new DaemonClient.Answered(here.code()), there.outcome(), format);
      assertEquals(here.out(), there.out(), format);
      assertEquals(here.err(), there.err(), format);
      assertTrue(here.out().contains("ADM"), "a finding to compare: " + here.out());
    }
    // A mistake in the command line: the same one line and exit code.
    String[] wrong = {"scan", "--format", "nonsense", project.toString()};
    Reply there = ask(cwd.toString(), System.getenv(), false, wrong);
    assertEquals(new DaemonClient.Answered(local(wrong).code()), there.outcome());
    assertEquals(local(wrong).err(), there.err());
  }

  @Test
  void theClientsTerminalAndEnvironmentDecideColour() throws Exception {
    Path project = template();
    startServer(Optional.empty());
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("NO_COLOR");
    // The server itself runs on no terminal: colour comes only from the client's.
    assertTrue(ask(cwd.toString(), env, true, "scan", "--no-cache", project.toString()).out().contains("\u001b["));
    assertFalse(ask(cwd.toString(), env, false, "scan", "--no-cache", project.toString()).out().contains("\u001b["));
    env.put("NO_COLOR", "1");
    assertFalse(ask(cwd.toString(), env, true, "scan", "--no-cache", project.toString()).out().contains("\u001b["));
  }

  @Test
  void terraformVariablesComeFromTheClientsEnvironment() throws Exception {
    Path project = dir.resolve("tf");
    Files.createDirectories(project);
    Files.writeString(project.resolve("main.tf"), """
        variable "policy" {
          type = string
        }
        resource "aws_iam_user_policy_attachment" "ops" {
          user       = "ops"
          policy_arn = var.policy
        }
        """);
    startServer(Optional.empty());
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("TF_VAR_"));
    String[] args = {"scan", "--format", "compact", "--no-cache", "--rule", "ADM001", project.toString()};
    Reply unknown = ask(cwd.toString(), env, false, args);
    assertEquals(new DaemonClient.Answered(ExitCodes.CLEAN), unknown.outcome(), unknown.out() + unknown.err());
    env.put("TF_VAR_policy", "arn:aws:iam::aws:policy/AdministratorAccess");
    Reply known = ask(cwd.toString(), env, false, args);
    assertEquals(new DaemonClient.Answered(ExitCodes.FINDINGS), known.outcome(), known.out() + known.err());
    assertTrue(known.out().contains("ADM001"), known.out());
  }

  @Test
  void whatItMustNotRunItRefuses() throws Exception {
    startServer(Optional.empty());
    assertInstanceOf(DaemonClient.Refused.class, ask(dir.toString(), System.getenv(), false, "scan", ".").outcome(),
        "another working directory: relative paths would be read against the server's");
    assertInstanceOf(DaemonClient.Refused.class, ask(cwd.toString(), System.getenv(), false, "rules").outcome(),
        "only scans");
    assertInstanceOf(DaemonClient.Refused.class, ask(cwd.toString(), System.getenv(), false).outcome(), "nothing");
    // Stack traces would go to the server's own stderr, help would be coloured for its terminal.
    for (String flag : List.of("--debug", "--help", "-h", "--version", "-V")) {
      assertEquals(new DaemonClient.Refused(flag + " runs in the client"),
          ask(cwd.toString(), System.getenv(), false, "scan", flag, ".").outcome());
    }
  }

  @Test
  void aRebuiltIamlintStopsTheServer() throws Exception {
    Path jar = dir.resolve("iamlint.jar");
    Files.writeString(jar, "build 1");
    startServer(Optional.of(jar));
    rebuild(jar);
    serving.join(10_000);
    assertFalse(serving.isAlive(), "it notices within a second");
    assertEquals(ExitCodes.CLEAN, served.get());
    assertFalse(Files.exists(socket), "its socket removed");
  }

  @Test
  void aScanAskedOfARebuiltIamlintIsRefused() throws Exception {
    Path jar = Files.writeString(dir.resolve("iamlint.jar"), "build 1");
    socket = dir.resolve("r.sock");
    DaemonServer.Server server = new DaemonServer.Server(socket, Duration.ofMinutes(5), Duration.ofSeconds(5), Optional.of(jar));
    rebuild(jar);
    try (java.nio.channels.ServerSocketChannel listening = java.nio.channels.ServerSocketChannel.open(
        java.net.StandardProtocolFamily.UNIX)) {
      listening.bind(java.net.UnixDomainSocketAddress.of(socket));
      Thread t = new Thread(() -> {
        try {
          server.answer(listening.accept());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      t.start();
      assertEquals(new DaemonClient.Refused("iamlint was rebuilt"),
          ask(cwd.toString(), System.getenv(), false, "scan", "--help").outcome());
      t.join(10_000);
    }
  }

  private static void rebuild(Path jar) throws IOException {
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
  }

  @Test
  void aClientThatSendsNothingHoldsUpNoOther() throws Exception {
    Path project = template();
    startServer(Optional.empty());
    try (java.nio.channels.SocketChannel silent = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      silent.connect(java.net.UnixDomainSocketAddress.of(socket));
      silent.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0})); // half a length, then nothing
      Reply r = ask(cwd.toString(), System.getenv(), false, "scan", "--format", "compact", "--no-cache", project.toString());
      assertEquals(new DaemonClient.Answered(ExitCodes.FINDINGS), r.outcome(), r.err());
      // The silent one was let go: it reads the end of the stream, no answer.
      assertEquals(-1, silent.read(java.nio.ByteBuffer.allocate(1)));
    }
  }

  @Test
  void scansInARowAndAtOnceGiveTheSameAnswer() throws Exception {
    Path project = template();
    startServer(Optional.empty());
    String[] args = {"scan", "--format", "json", "--no-cache", project.toString()};
    String expected = local(args).out();
    for (int i = 0; i < 3; i++) assertEquals(expected, ask(cwd.toString(), System.getenv(), false, args).out(), "run " + i);
    List<java.util.concurrent.CompletableFuture<Reply>> together = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      together.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> ask(cwd.toString(), System.getenv(), false, args)));
    }
    for (java.util.concurrent.CompletableFuture<Reply> f : together) assertEquals(expected, f.get().out());
  }

  @Test
  void statusAndStop() throws Exception {
    startServer(Optional.empty());
    ByteArrayOutputStream status = new ByteArrayOutputStream();
    assertEquals(new DaemonClient.Answered(ExitCodes.CLEAN), DaemonClient.control(socket, Daemon.Kind.PING, status));
    assertTrue(status.toString(StandardCharsets.UTF_8).startsWith("iamlint: resident server for " + cwd + ": pid "));
    // A second server for the same socket leaves at once.
    assertEquals(ExitCodes.CLEAN, new DaemonServer.Server(socket, Duration.ofMinutes(5), Duration.ofSeconds(5), Optional.empty()).serve(false));
    assertTrue(serving.isAlive(), "the first one serves on");
    assertEquals(new DaemonClient.Answered(ExitCodes.CLEAN),
        DaemonClient.control(socket, Daemon.Kind.STOP, new ByteArrayOutputStream()));
    serving.join(10_000);
    assertFalse(serving.isAlive());
    assertFalse(Files.exists(socket));
    assertEquals(new DaemonClient.Unreachable(), DaemonClient.control(socket, Daemon.Kind.PING, new ByteArrayOutputStream()));
  }

  @Test
  void aSocketThatIsNotAServersIsUnreachable() throws IOException {
    socket = dir.resolve("none.sock");
    assertEquals(new DaemonClient.Unreachable(), ask(cwd.toString(), Map.of(), false, "scan").outcome());
    Files.writeString(socket, "a plain file");
    assertEquals(new DaemonClient.Unreachable(), ask(cwd.toString(), Map.of(), false, "scan").outcome());
  }

  @Test
  void theSocketsDirectoryIsTheUsersAlone() throws IOException {
    Map<String, String> env = Map.of("XDG_RUNTIME_DIR", dir.toString());
    Path made = Daemon.directory(env, "").orElseThrow();
    assertEquals(dir.resolve("iamlint"), made);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)));
    // Opened up to the group: no resident server rather than a socket others may reach.
    Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rwxr-x---"));
    assertEquals(Optional.empty(), Daemon.directory(env, ""));
    // A link to a private directory is not taken either.
    Files.delete(made);
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    Files.createSymbolicLink(made, elsewhere);
    assertEquals(Optional.empty(), Daemon.directory(env, ""));
    // Without XDG_RUNTIME_DIR: the cache directory, then the home directory's.
    assertEquals(Optional.of(dir.resolve("cache/iamlint/daemon")),
        Daemon.directory(Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()), ""));
    assertEquals(Optional.of(dir.resolve("home/.cache/iamlint/daemon")), Daemon.directory(Map.of(), dir.resolve("home").toString()));
    assertEquals(Optional.empty(), Daemon.directory(Map.of("XDG_CACHE_HOME", "relative"), ""));
  }

  @Test
  void oneSocketPerBuildAndWorkingDirectory() throws IOException {
    Map<String, String> env = Map.of("XDG_RUNTIME_DIR", dir.toString());
    Path jar = Files.writeString(dir.resolve("iamlint.jar"), "build 1");
    Path a = Daemon.socket(env, "", jar, Path.of("/work/a")).orElseThrow();
    assertEquals(a, Daemon.socket(env, "", jar, Path.of("/work/a")).orElseThrow());
    assertNotEquals(a, Daemon.socket(env, "", jar, Path.of("/work/b")).orElseThrow());
    Files.setLastModifiedTime(jar, FileTime.fromMillis(0));
    assertNotEquals(a, Daemon.socket(env, "", jar, Path.of("/work/a")).orElseThrow());
    assertTrue(a.getFileName().toString().matches("[0-9a-f]{24}\\.sock"), a.toString());
    // A path too long for a Unix socket: no server, the scan runs here.
    Path deep = Files.createDirectories(dir.resolve("d".repeat(120)));
    assertEquals(Optional.empty(), Daemon.socket(Map.of("XDG_RUNTIME_DIR", deep.toString()), "", jar, Path.of("/work/a")));
  }

  @ParameterizedTest
  @CsvSource({"'',false", "0,false", "false,false", "No,false", "OFF,false", "1,true", "yes,true", "true,true", "on,true"})
  void iamlintDaemonSwitchesItOn(String value, boolean wanted) {
    assertEquals(wanted, Daemon.wanted(Map.of("IAMLINT_DAEMON", value)));
  }

  @Test
  void aRequestCrossesTheSocketWhole() throws IOException {
    Map<String, String> env = Map.of("TF_VAR_x", "é \n", "EMPTY", "");
    Daemon.Request r = new Daemon.Request(Daemon.Kind.SCAN, "/w", env, true, "UTF-8", "ISO-8859-1", "de-CH", List.of("scan", "ü", ""));
    assertEquals(r, Daemon.Request.decode(r.encode()));
    byte[] notOurs = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Daemon.Request.decode(notOurs));
    assertTrue(e.getMessage().startsWith("bad length"), e.getMessage());
  }

  @Test
  void theWarmUpsRoundTripIsAnsweredAndLeavesNoSocket() {
    assertTrue(DaemonServer.roundTrip(dir));
    assertFalse(Files.exists(dir.resolve("d.sock")));
  }
}
