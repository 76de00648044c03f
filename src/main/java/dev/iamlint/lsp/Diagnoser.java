package dev.iamlint.lsp;

import dev.iamlint.cache.MemoryCache;
import dev.iamlint.config.ConfigException;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.scan.ScanRequest;
import dev.iamlint.scan.ScanResult;
import dev.iamlint.scan.Scanner;
import dev.iamlint.source.FileError;
import dev.iamlint.source.Overlay;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;

/**
 * Scans a project with the open buffers in place of their files and publishes what changed: the
 * diagnostics of every file whose findings differ from those last published (an edit in one file
 * changes findings in another: the group membership, the trail, the module call), and an empty
 * list for a file whose findings are gone. One scan at a time (the caller's single thread); the
 * parse cache it is given keeps what did not change warm between scans.
 */
final class Diagnoser {
  private final MemoryCache cache;
  private final Consumer<PublishDiagnosticsParams> publish;
  private final Consumer<String> log;
  private final Map<String, String> environment;
  private final int threads;
  /** What each context last published, by document URI. */
  private final Map<ProjectContext, Map<String, List<Diagnostic>>> published = new HashMap<>();
  /** What is published for each URI, for hover and code actions (read on the protocol's thread). */
  private final Map<String, Judged> current = new ConcurrentHashMap<>();
  /**
   * The context each open or changed file was last judged in. A project can appear or go while a
   * file is open (a nested {@code .iamlint.yaml} saved, a {@code .git} removed): the context is
   * found anew at each change, and the one it replaces is judged once more to take back what it
   * published for the file.
   */
  private final Map<Path, ProjectContext> lastContext = new ConcurrentHashMap<>();

  Diagnoser(MemoryCache cache, Map<String, String> environment, int threads, Consumer<PublishDiagnosticsParams> publish,
      Consumer<String> log) {
    this.cache = cache;
    this.environment = Map.copyOf(environment);
    this.threads = threads;
    this.publish = publish;
    this.log = log;
  }

  /**
   * The contexts to judge again after {@code changed} changed, {@code open} being the open
   * documents: the context of the changed file; outside a project, those of the open files of its
   * directory too (each is judged with the others, as a module); and for every one of these files
   * whose context is no longer the one it was judged in, that former context first, so that it
   * withdraws the file's diagnostics before the new one publishes them.
   */
  List<ProjectContext> affectedBy(Path changed, Collection<Path> open) {
    Path file = changed.toAbsolutePath().normalize();
    List<Path> files = new ArrayList<>();
    files.add(file);
    for (Path p : open) {
      if (!p.equals(file)) files.add(p);
    }
    Set<ProjectContext> former = new LinkedHashSet<>();
    Set<ProjectContext> now = new LinkedHashSet<>();
    ProjectContext own = ProjectContext.of(file);
    for (Path p : files) {
      ProjectContext context = p.equals(file) ? own : ProjectContext.of(p);
      ProjectContext before = lastContext.put(p, context);
      if (before != null && !before.equals(context)) former.add(before);
      boolean sameModule = !own.project() && Objects.equals(p.getParent(), file.getParent());
      if (p.equals(file) || sameModule) now.add(context);
    }
    former.removeAll(now);
    List<ProjectContext> out = new ArrayList<>(former);
    out.addAll(now);
    return out;
  }

  /** The context a file is judged in: its project, or the file on its own. */
  static ProjectContext contextOf(Path file) {
    return ProjectContext.of(file.toAbsolutePath().normalize());
  }

  /** A finding as published: the diagnostic that shows it. */
  record Published(Optional<Finding> finding, Diagnostic diagnostic) {}

  /**
   * The findings published for one document, and what they were judged from: the context, its
   * options, and the open buffers as they were then (their versions tell whether the findings'
   * positions still hold).
   */
  record Judged(ProjectContext context, ScanOptions options, Map<Path, TextBuffer> open, List<Published> findings) {
    Judged {
      open = Map.copyOf(open);
      findings = List.copyOf(findings);
    }

    List<Diagnostic> diagnostics() {
      return findings.stream().map(Published::diagnostic).toList();
    }
  }

  /** The diagnostics last published for {@code uri}. */
  List<Diagnostic> current(String uri) {
    Judged j = current.get(uri);
    return j == null ? List.of() : j.diagnostics();
  }

  /** What was last published for {@code uri}, when anything was. */
  Optional<Judged> judged(String uri) {
    return Optional.ofNullable(current.get(uri));
  }

  /**
   * Scans {@code context} with {@code open} (the open documents by absolute path) read in place of
   * their files, and publishes the diagnostics that changed.
   */
  void diagnose(ProjectContext context, Map<Path, TextBuffer> buffers) {
    Map<Path, TextBuffer> open = Map.copyOf(buffers);
    Map<Path, String> texts = new HashMap<>();
    open.forEach((path, buffer) -> texts.put(path, buffer.text()));
    Map<String, List<Published>> now = new LinkedHashMap<>();
    ScanOptions options = ScanOptions.DEFAULT;
    try {
      ScanRequest request = context.request(cache.sparing(texts.values()), Overlay.of(texts), environment, threads);
      options = request.options();
      ScanResult result = new Scanner().scan(request);
      Map<Path, ProjectContext> owners = new HashMap<>();
      for (Finding f : result.findings()) {
        Path file = context.absolute(f.location().file());
        // A file is published by its own context only (a nested project is another).
        if (!owners.computeIfAbsent(file, Diagnoser::contextOf).equals(context)) continue;
        now.computeIfAbsent(uri(file, open), u -> new ArrayList<>())
            .add(new Published(Optional.of(f), Diagnostics.of(f, context::absolute, p -> uri(p, open))));
      }
      for (FileError e : result.errors()) log.accept(e.file() + ": " + e.message());
      for (String e : result.internalErrors()) log.accept("internal error: " + e);
    } catch (ConfigException e) {
      // The project's config cannot be read: said on the config file, as the command line says it (exit 2).
      Path config = context.workingDirectory().resolve(".iamlint.yaml");
      Diagnostic d = new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)), "config error: " + e.getMessage(),
          DiagnosticSeverity.Error, Diagnostics.SOURCE);
      now.put(uri(config, open), List.of(new Published(Optional.empty(), d)));
      log.accept("config error: " + e.getMessage());
    }
    Map<String, List<Diagnostic>> before = published.getOrDefault(context, Map.of());
    Map<String, List<Diagnostic>> after = new LinkedHashMap<>();
    now.forEach((uri, items) -> after.put(uri, items.stream().map(Published::diagnostic).toList()));
    Set<String> uris = new HashSet<>(before.keySet());
    uris.addAll(after.keySet());
    for (String uri : uris.stream().sorted().toList()) {
      List<Diagnostic> diagnostics = after.getOrDefault(uri, List.of());
      // Kept even when unchanged: code actions need the buffers these positions belong to.
      if (diagnostics.isEmpty()) current.remove(uri);
      else current.put(uri, new Judged(context, options, open, now.get(uri)));
      if (diagnostics.equals(before.get(uri))) continue;
      Optional<TextBuffer> doc = open.values().stream().filter(b -> b.uri().equals(uri)).findFirst();
      publish.accept(new PublishDiagnosticsParams(uri, diagnostics, doc.map(TextBuffer::version).orElse(null)));
    }
    published.put(context, after);
  }

  /** The URI the editor knows {@code file} by: an open document's own, else the file's. */
  private static String uri(Path file, Map<Path, TextBuffer> open) {
    TextBuffer doc = open.get(file);
    return doc != null ? doc.uri() : file.toUri().toString();
  }
}
