package dev.iamlint.cli;

import dev.iamlint.cache.DiskCache;
import dev.iamlint.cache.ParseCache;
import dev.iamlint.lsp.LanguageServerMain;
import dev.iamlint.source.InternalFailure;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lsp", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Run the language server on stdin and stdout (for an editor: diagnostics as you type, hover).",
        "Logs go to stderr."})
final class LspCommand implements Callable<Integer> {

  @Option(names = "--no-cache", description = "Do not read or write the parse cache ($XDG_CACHE_HOME/iamlint); "
      + "what the server parses is still kept in memory.")
  boolean noCache;

  @Option(names = "--debug", description = "Stack traces of internal errors in the log (stderr).")
  boolean debug;

  @Override
  public Integer call() {
    InternalFailure.showStackTraces(debug);
    // Standard output is the protocol's: anything else printed there would corrupt it.
    PrintStream protocol = System.out;
    PrintStream log = System.err;
    System.setOut(log);
    ParseCache backing = noCache ? ParseCache.NONE
        : DiskCache.fromEnvironment(System.getenv(), Version.current(), debug ? m -> log.println("iamlint lsp: " + m) : m -> {});
    int code = LanguageServerMain.serve(System.in, protocol, backing, Version.current(), System.getenv(), log);
    backing.trim();
    protocol.flush();
    return code;
  }
}
