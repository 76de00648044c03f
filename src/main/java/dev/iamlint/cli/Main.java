package dev.iamlint.cli;

import dev.iamlint.rules.Catalog;
import dev.iamlint.scan.Scanner;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine;

/** Entry point: {@code iamlint scan|rules|explain}. Exit codes: 0 clean, 1 findings, 2 error. */
public final class Main {
  private Main() {}

  /** Before the command: answer a scan through the resident server, as IAMLINT_DAEMON=1 does. */
  static final String DAEMON_OPTION = "--daemon";

  /** What a run says when what it wrote to standard output was lost. */
  static final String OUTPUT_LOST = "iamlint: cannot write to standard output (is the disk full or the pipe closed?)";

  public static void main(String[] args) {
    // With IAMLINT_DAEMON set, a scan is answered by this directory's resident server when one runs
    // (and one is started for the next run when none does); otherwise, or when it cannot answer,
    // here.
    // --daemon before the command: the same, for a hook whose environment cannot be set.
    boolean daemon = args.length > 0 && args[0].equals(DAEMON_OPTION);
    if (daemon) args = Arrays.copyOfRange(args, 1, args.length);
    if (args.length > 0 && args[0].equals("scan") && (daemon || Daemon.wanted(System.getenv()))) {
      OptionalInt answered = DaemonClient.scan(args);
      if (answered.isPresent()) System.exit(answered.getAsInt());
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given streams; used by tests as by {@link #main}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Invocation.thisProcess());
  }

  /** As above, for the process {@code invocation} describes (the resident server's client). */
  static int run(String[] args, PrintWriter out, PrintWriter err, Invocation invocation) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Scripts ask for the version to decide things; building the command model costs more
      // than the JVM's own start.
      for (String line : new Version().getVersion()) out.println(line);
      out.flush();
      return ExitCodes.CLEAN;
    }
    if (args.length == 1 && args[0].equals("rules")) {
      // The same: the plain listing needs the catalogue and nothing of the command model.
      RulesCommand.printText(out);
      out.flush();
      if (!out.checkError()) return ExitCodes.CLEAN;
      err.println(OUTPUT_LOST);
      err.flush();
      return ExitCodes.ERROR;
    }
    preload(args.length == 0 ? "" : args[0]);
    return run(args, IamlintCommand.commandLine(args, invocation), out, err, invocation.resident());
  }

  /**
   * Starts reading the bundled data the command will need on another thread: building picocli's
   * model of the command takes as long in a fresh JVM, and the machine has a second core.
   */
  private static void preload(String command) {
    switch (command) {
      case "scan", "review" -> {
        background(() -> readAnnotations(command.equals("scan") ? ScanCommand.class : ReviewCommand.class, ReportOptions.class));
        Scanner.preloadCatalogues();
      }
      // A listing reads only the rules' summaries; an explanation needs the whole catalogue.
      case "rules" -> background(() -> readAnnotations(RulesCommand.class));
      case "explain" -> background(() -> {
        readAnnotations(ExplainCommand.class);
        Catalog.all();
      });
      default -> { }
    }
  }

  private static void background(Runnable work) {
    Thread t = new Thread(() -> {
      try {
        work.run();
      } catch (RuntimeException | LinkageError e) {
        // The command meets the same failure and reports it.
      }
    }, "iamlint-preload-cli");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Reads the annotations picocli will read (the JDK keeps them once read): creating them is a
   * third of building the command's model, and here it runs beside it.
   */
  private static void readAnnotations(Class<?>... commandClasses) {
    List<Class<?>> classes = new ArrayList<>();
    classes.add(IamlintCommand.class); // in the order picocli reads them
    classes.addAll(List.of(commandClasses));
    for (Class<?> c : classes) {
      c.getAnnotations();
      for (Field f : c.getDeclaredFields()) f.getAnnotations();
      for (Method m : c.getDeclaredMethods()) m.getAnnotations();
    }
  }

  /** Runs {@code args} on {@code cmd}: the error handling every command gets. */
  static int run(String[] args, CommandLine cmd, PrintWriter out, PrintWriter err) {
    return run(args, cmd, out, err, false);
  }

  /**
   * As above; {@code resident}: an Error (out of memory, a class that failed to initialise) is
   * reported and then thrown on, for the resident server to stop after its answer rather than
   * serve on in that state.
   */
  private static int run(String[] args, CommandLine cmd, PrintWriter out, PrintWriter err, boolean resident) {
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      // --debug belongs to a subcommand: look for it along the whole command chain.
      boolean debug = false;
      for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) debug |= p.hasMatchedOption("--debug");
      if (debug) e.printStackTrace(commandLine.getErr());
      commandLine.getErr().println("iamlint: internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))
          + (debug ? "" : " (run with --debug for details)"));
      return ExitCodes.ERROR;
    });
    cmd.setParameterExceptionHandler((e, a) -> {
      CommandLine c = e.getCommandLine();
      c.getErr().println("iamlint: " + e.getMessage());
      // picocli's "Did you mean" for a mistyped option or command (its default handler prints it).
      CommandLine.UnmatchedArgumentException.printSuggestions(e, c.getErr());
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
      return ExitCodes.ERROR;
    });
    int code;
    try {
      code = cmd.execute(args);
    } catch (RuntimeException | Error e) {
      // Last line of defence: one line, never a stack trace (unless --debug).
      if (Arrays.asList(args).contains("--debug")) e.printStackTrace(err);
      err.println("iamlint: internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + " (run with --debug for details)");
      code = ExitCodes.ERROR;
      if (resident && e instanceof Error) {
        err.flush();
        throw (Error) e;
      }
    }
    // A report lost to a full disk or a closed pipe must not pass for a clean run.
    if (out.checkError() && code != ExitCodes.ERROR) {
      err.println(OUTPUT_LOST);
      code = ExitCodes.ERROR;
    }
    err.flush();
    return code;
  }
}
