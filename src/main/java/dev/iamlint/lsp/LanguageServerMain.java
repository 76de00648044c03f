package dev.iamlint.lsp;

import dev.iamlint.cache.MemoryCache;
import dev.iamlint.cache.ParseCache;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code iamlint lsp}: the language server over a pair of streams (stdin and stdout). Only this
 * class and the command that calls it know the protocol library: other commands never load it.
 */
public final class LanguageServerMain {
  /** The parse trees kept warm: texts of up to this many characters (about a 2,000-file workspace of 8 KB files). */
  static final long MAX_TEXT_CHARS = 16L * 1024 * 1024;
  /** The kept evaluations and outlines: up to this many bytes of their encodings. */
  static final long MAX_KEPT_BYTES = 64L * 1024 * 1024;

  /** Held here: the logging framework keeps loggers weakly, and their handlers with them. */
  private static final Logger PROTOCOL = Logger.getLogger("org.eclipse.lsp4j");

  private LanguageServerMain() {}

  /**
   * Serves the protocol on {@code in} and {@code out} until the client sends {@code exit} or
   * closes {@code in}; the exit code: 0 after a {@code shutdown} request, else 1. {@code backing}:
   * the disk cache, consulted for what memory does not hold yet; {@code log}: where log lines go
   * (never {@code out}, which is the protocol's).
   */
  public static int serve(InputStream in, OutputStream out, ParseCache backing, String version,
      Map<String, String> environment, PrintStream log) {
    logProtocolTo(log);
    MemoryCache cache = MemoryCache.over(backing, MAX_TEXT_CHARS, MAX_KEPT_BYTES);
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    IamlintLanguageServer server = new IamlintLanguageServer(cache, version, environment, threads, log::println);
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    // Whichever comes first: the exit notification, or the end of the input (the client is gone).
    server.exited().whenComplete((code, e) -> listening.cancel(true));
    try {
      listening.get();
    } catch (ExecutionException | CancellationException e) {
      // The input ended, or exit stopped the listener.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return server.exited().getNow(server.shutdownRequested() ? 0 : 1);
  }

  /**
   * What the protocol library reports (a malformed message, an unknown method) as one line on
   * {@code log}: it is the client's mistake, not a failure of the server, and needs no stack trace.
   */
  private static void logProtocolTo(PrintStream log) {
    Logger protocol = PROTOCOL;
    protocol.setUseParentHandlers(false);
    for (Handler h : protocol.getHandlers()) protocol.removeHandler(h);
    protocol.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (!isLoggable(record)) return;
        String message = record.getMessage() == null ? "" : record.getMessage().lines().findFirst().orElse("");
        Throwable thrown = record.getThrown();
        if (message.isEmpty() && thrown != null) message = String.valueOf(thrown.getMessage()).lines().findFirst().orElse("");
        log.println("iamlint lsp: protocol: " + message);
      }

      @Override
      public void flush() {
        log.flush();
      }

      @Override
      public void close() {
        // The log stream is the caller's.
      }
    });
  }
}
