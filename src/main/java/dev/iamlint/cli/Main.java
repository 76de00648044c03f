package dev.iamlint.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: {@code iamlint scan|rules|explain}. Exit codes: 0 clean, 1 findings, 2 error. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given streams; used by tests as by {@link #main}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Scripts ask for the version to decide things; building the command model costs more
      // than the JVM's own start.
      for (String line : new Version().getVersion()) out.println(line);
      out.flush();
      return ExitCodes.CLEAN;
    }
    CommandLine cmd = new CommandLine(new IamlintCommand());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean debug = parseResult.hasMatchedOption("--debug");
      if (debug) {
        e.printStackTrace(commandLine.getErr());
      } else {
        commandLine.getErr().println("iamlint: internal error: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))
            + " (run with --debug for details)");
      }
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
      if (java.util.Arrays.asList(args).contains("--debug")) e.printStackTrace(err);
      err.println("iamlint: internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + " (run with --debug for details)");
      code = ExitCodes.ERROR;
    }
    out.flush();
    err.flush();
    return code;
  }
}
