package dev.iamlint.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "daemon", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Start, stop or ask after the resident server of the current directory.",
        "With IAMLINT_DAEMON=1 in the environment, 'iamlint scan' is answered by a warm server of the directory it "
            + "runs in (started by the first such scan, or by 'daemon start'), in a fraction of a fresh JVM's time. "
            + "The server stops after IAMLINT_DAEMON_IDLE minutes (default 30) without a scan, or when iamlint is "
            + "rebuilt. Its socket is in a directory only the user can enter.",
        "Exit codes: 0 done (status: running), 1 status: none running, 2 no server possible here."})
final class DaemonCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  enum Action { start, stop, status }

  @Parameters(paramLabel = "ACTION", description = "start, stop or status.")
  Action action;

  /** How long {@code start} waits for the server to answer. */
  private static final long START_TIMEOUT_MILLIS = 60_000;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path cwd = Path.of("").toAbsolutePath();
    Map<String, String> env = System.getenv();
    Optional<Path> code = Daemon.code();
    Optional<Path> socket = code.flatMap(c -> Daemon.socket(env, System.getProperty("user.home", ""), c, cwd));
    if (socket.isEmpty()) {
      err.println("iamlint: no resident server here: no private directory for its socket (a Unix-like system with "
          + "XDG_RUNTIME_DIR, XDG_CACHE_HOME or a home directory is needed)");
      return ExitCodes.ERROR;
    }
    switch (action) {
      case status -> {
        return ask(socket.get(), Daemon.Kind.PING, out) ? ExitCodes.CLEAN : notRunning(out, cwd);
      }
      case stop -> {
        if (!ask(socket.get(), Daemon.Kind.STOP, out)) notRunning(out, cwd);
        return ExitCodes.CLEAN;
      }
      case start -> {
        if (ask(socket.get(), Daemon.Kind.PING, out)) return ExitCodes.CLEAN;
        DaemonClient.start(socket.get(), code.get(), cwd);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
          Thread.sleep(100);
          if (ask(socket.get(), Daemon.Kind.PING, out)) return ExitCodes.CLEAN;
        }
        err.println("iamlint: the resident server did not start; see " + socket.get() + ".log");
        return ExitCodes.ERROR;
      }
    }
    return ExitCodes.ERROR;
  }

  /** Asks the server; prints its answer when there is one. */
  private static boolean ask(Path socket, Daemon.Kind kind, PrintWriter out) {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    DaemonClient.Outcome outcome = DaemonClient.control(socket, kind, answer);
    if (!(outcome instanceof DaemonClient.Answered)) return false;
    out.print(answer.toString(Charset.defaultCharset()));
    out.flush();
    return true;
  }

  private static int notRunning(PrintWriter out, Path cwd) {
    out.println("iamlint: no resident server for " + cwd);
    return ExitCodes.FINDINGS;
  }
}
