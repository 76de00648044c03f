package dev.iamlint.lsp;

import dev.iamlint.cache.MemoryCache;
import dev.iamlint.source.InternalFailure;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The language server: keeps the open documents, re-diagnoses their projects from the unsaved
 * text a short while after the last edit, and answers hovers. Scans run one at a time on a thread
 * of their own, so the protocol's thread always answers; a scan that fails is logged, never
 * the end of the server.
 */
final class IamlintLanguageServer implements LanguageServer, LanguageClientAware, TextDocumentService, WorkspaceService {
  /** How long after an edit the buffer is judged: typing on does not start a scan per keystroke. */
  static final long DEBOUNCE_MILLIS = 150;

  private final String version;
  private final Consumer<String> stderr;
  private final Map<String, TextBuffer> documents = new ConcurrentHashMap<>();
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "iamlint-diagnose");
    t.setDaemon(true);
    return t;
  });
  private final Set<ProjectContext> dirty = new LinkedHashSet<>();
  private final CompletableFuture<Integer> exited = new CompletableFuture<>();
  private final Diagnoser diagnoser;
  private ScheduledFuture<?> pending;
  private volatile LanguageClient client;
  private volatile boolean shutdown;

  IamlintLanguageServer(MemoryCache cache, String version, Map<String, String> environment, int threads,
      Consumer<String> stderr) {
    this.version = version;
    this.stderr = stderr;
    this.diagnoser = new Diagnoser(cache, environment, threads, p -> {
      LanguageClient c = client;
      if (c != null) c.publishDiagnostics(p);
    }, this::log);
  }

  @Override
  public void connect(LanguageClient languageClient) {
    this.client = languageClient;
  }

  boolean shutdownRequested() {
    return shutdown;
  }

  /** Completes with the exit code once the client sent {@code exit}: 0 after {@code shutdown}, else 1. */
  CompletableFuture<Integer> exited() {
    return exited;
  }

  // ---- lifecycle ----

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    ServerCapabilities capabilities = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    sync.setSave(new SaveOptions(false));
    capabilities.setTextDocumentSync(sync);
    capabilities.setHoverProvider(true);
    capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("iamlint", version)));
  }

  @Override
  public void initialized(InitializedParams params) {
    // Nothing to register: diagnostics follow the documents the client opens.
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    synchronized (dirty) {
      if (pending != null) pending.cancel(false);
      dirty.clear();
    }
    worker.shutdown();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    worker.shutdownNow();
    exited.complete(shutdown ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return this;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return this;
  }

  // ---- documents ----

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var doc = params.getTextDocument();
    if (doc == null || doc.getUri() == null) {
      log("didOpen without a document: ignored");
      return;
    }
    if (doc.getText() == null) {
      // Without its text there is no buffer to judge: the file is judged as it is on disk.
      log("didOpen without text: " + doc.getUri() + " is judged from disk");
    } else {
      documents.put(doc.getUri(), new TextBuffer(doc.getUri(), doc.getVersion(), doc.getText()));
    }
    changed(doc.getUri(), 0);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    var doc = params.getTextDocument();
    if (doc == null || doc.getUri() == null || params.getContentChanges() == null) {
      log("didChange without a document or changes: ignored");
      return;
    }
    String uri = doc.getUri();
    TextBuffer buffer = documents.get(uri);
    if (buffer == null) {
      log("change to a document that is not open: " + uri);
      return;
    }
    TextBuffer.Changed changed = buffer.apply(doc.getVersion(), params.getContentChanges());
    if (changed.ignored() > 0) log(changed.ignored() + " change(s) without text ignored in " + uri);
    documents.put(uri, changed.buffer());
    changed(uri, DEBOUNCE_MILLIS);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    changed(params.getTextDocument().getUri(), 0);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    documents.remove(uri);
    // The file is judged as it is on disk again.
    changed(uri, 0);
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    String uri = params.getTextDocument().getUri();
    TextBuffer buffer = documents.get(uri);
    if (buffer == null) return CompletableFuture.completedFuture(null);
    return CompletableFuture.completedFuture(RuleHover.at(buffer, params.getPosition(), diagnoser.current(uri)).orElse(null));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    TextBuffer buffer = documents.get(uri);
    if (buffer == null) return CompletableFuture.completedFuture(List.of());
    List<CodeAction> actions = diagnoser.judged(uri).map(j -> CodeActions.of(buffer, params.getRange(), j)).orElse(List.of());
    return CompletableFuture.completedFuture(actions.stream().map(Either::<Command, CodeAction>forRight).toList());
  }

  // ---- workspace ----

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    // No client settings: the project's .iamlint.yaml is the configuration.
  }

  /** Files changed on disk (a checkout, a saved config): their projects are judged again. */
  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    for (FileEvent e : params.getChanges()) changed(e.getUri(), 0);
  }

  // ---- diagnosing ----

  /** Marks the project of {@code uri} for a scan {@code delay} milliseconds from now (a later edit postpones it). */
  private void changed(String uri, long delay) {
    Optional<Path> file = path(uri);
    if (file.isEmpty() || shutdown) return;
    List<Path> open = documents.keySet().stream().map(IamlintLanguageServer::path).flatMap(Optional::stream).toList();
    List<ProjectContext> contexts = diagnoser.affectedBy(file.get(), open);
    synchronized (dirty) {
      // Those judged later in this list must publish last: re-added, they move to the end.
      dirty.removeAll(contexts);
      dirty.addAll(contexts);
      if (pending != null) pending.cancel(false);
      try {
        pending = worker.schedule(this::diagnoseDirty, delay, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // Shut down: nothing more to judge.
      }
    }
  }

  private void diagnoseDirty() {
    Set<ProjectContext> contexts;
    synchronized (dirty) {
      contexts = new LinkedHashSet<>(dirty);
      dirty.clear();
    }
    Map<Path, TextBuffer> open = new LinkedHashMap<>();
    documents.values().forEach(b -> path(b.uri()).ifPresent(p -> open.put(p, b)));
    for (ProjectContext context : contexts) {
      long start = System.nanoTime();
      try {
        diagnoser.diagnose(context, open);
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        // Its stack trace with --debug; the message alone otherwise.
        InternalFailure.describe(e);
        log("cannot judge " + context.scanned() + ": " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
      log("judged " + context.scanned() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
  }

  /** The file a {@code file:} URI names; other schemes (an untitled buffer) are not judged. */
  static Optional<Path> path(String uri) {
    try {
      URI u = URI.create(uri);
      if (!"file".equalsIgnoreCase(u.getScheme())) return Optional.empty();
      return Optional.of(Path.of(u).toAbsolutePath().normalize());
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  /** A line for the log: on stderr (stdout is the protocol) and to the client's log. */
  void log(String message) {
    stderr.accept("iamlint lsp: " + message);
    LanguageClient c = client;
    if (c != null) c.logMessage(new MessageParams(MessageType.Log, message));
  }
}
