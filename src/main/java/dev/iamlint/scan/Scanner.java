package dev.iamlint.scan;

import dev.iamlint.cache.Keys;
import dev.iamlint.cache.ParseCache;
import dev.iamlint.cloudformation.AdaptationCache;
import dev.iamlint.iam.ActionCatalog;
import dev.iamlint.iam.EscalationPaths;
import dev.iamlint.iam.ManagedPolicyCatalog;
import dev.iamlint.model.UnreadPart;
import dev.iamlint.source.Parallel;
import dev.iamlint.cloudformation.Exports;
import dev.iamlint.cloudformation.LanguageExtensions;
import dev.iamlint.cloudformation.NestedStacks;
import dev.iamlint.cloudformation.Serverless;
import dev.iamlint.tree.Node;
import dev.iamlint.cloudformation.Template;
import dev.iamlint.json.JsonLoader;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.Linkage;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Focus;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.Severity;
import dev.iamlint.rules.Catalog;
import dev.iamlint.rules.Rules;
import dev.iamlint.source.Discovery;
import dev.iamlint.source.GoTemplateMarkup;
import dev.iamlint.source.JinjaMarkup;
import dev.iamlint.source.PlaceholderMarkup;
import dev.iamlint.source.Location;
import dev.iamlint.source.SourceFile;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.value.Budget;
import dev.iamlint.yaml.YamlLoader;
import dev.iamlint.source.FileKind;
import dev.iamlint.terraform.PlanLoader;
import dev.iamlint.terraform.SyntaxError;
import dev.iamlint.terraform.TerraformLoader;
import dev.iamlint.source.FileError;
import dev.iamlint.source.InternalFailure;
import dev.iamlint.source.Unreadable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Function;

/**
 * The pipeline: discover, load, evaluate and map each file (in parallel; results merged in
 * path order), check the merged model with every selected rule, filter and sort.
 */
public final class Scanner {
  private final Progress progress;

  public Scanner() {
    this(new Progress());
  }

  /** A scanner that reports what it has done to {@code progress} (a progress line). */
  public Scanner(Progress progress) {
    this.progress = progress;
  }

  /**
   * One file's contribution: its model elements and its syntax error, if any. A CloudFormation
   * {@code template} is mapped into {@code model} once every file is read (see {@link #adaptTemplates}).
   */
  private record FileOutcome(ModelBuilder model, Optional<Finding> syntaxError, boolean scanned, Suppressions suppressions,
      Optional<Template> template) {
    FileOutcome(ModelBuilder model, Optional<Finding> syntaxError, boolean scanned, Suppressions suppressions) {
      this(model, syntaxError, scanned, suppressions, Optional.empty());
    }
  }

  public ScanResult scan(ScanRequest asked) {
    preloadCatalogues();
    // The cache never writes into the scanned tree.
    ScanRequest request = asked.withCache(asked.cache().outside(scanRoots(asked)));
    if (request.scope().isPresent() && request.scope().get().paths().isEmpty()) {
      return new ScanResult(List.of(), 0, 0, List.of(), List.of(), List.of());
    }
    Loaded loaded = load(request);
    Predicate<Finding> inScope = f -> request.scope()
        .map(s -> s.reports(absolute(request, f.location().file()), f.location())).orElse(true);
    // The summary counts what the scanned paths hold, as it counts their files (asked once a file:
    // a project has a few hundred files and tens of thousands of resources).
    Map<String, Boolean> covered = new HashMap<>();
    Predicate<String> covers = file -> covered.computeIfAbsent(file,
        f -> request.scope().map(s -> s.covers(absolute(request, f))).orElse(true));
    int resources = (int) loaded.model().resources().stream().filter(r -> covers.test(r.location().file())).count();
    List<SourceFile> reportedFiles = loaded.discovered().files().stream().filter(f -> covers.test(f.displayPath())).toList();
    return judge(request, loaded.model(), loaded.findings(), loaded.suppressions(),
        loaded.discovered().files().stream().map(SourceFile::displayPath).toList(), inScope, loaded.files(), resources,
        loaded.discovered().errors()).withSources(reportedFiles);
  }

  /**
   * What the scanned files hold, before any rule ran: the merged model, the findings of loading
   * (syntax errors, limits), the suppressions written in the files, and how many files were read.
   */
  record Loaded(Discovery.Result discovered, IamModel model, List<Finding> findings, Suppressions suppressions, int files) {}

  /** Discovers, loads, evaluates and maps the request's files (the first half of a scan). */
  Loaded load(ScanRequest request) {
    Discovery discovery = new Discovery(request.workingDirectory(), request.excluded(), request.ignoring(), request.overlay());
    Discovery.Result discovered = request.scope().isPresent()
        ? discoverProject(request, discovery, request.scope().get()) : discovery.discover(request.paths());
    progress.files(discovered.files().size());
    progress.stage(Progress.Stage.READING);
    // Where evaluating a template reached a limit: a located SYN001 (see adaptTemplates).
    List<Finding> findings = new ArrayList<>();
    List<FileOutcome> outcomes = adaptTemplates(request, discovered.files(), loadAll(request, discovered.files()), findings);

    ModelBuilder merged = new ModelBuilder();
    Suppressions suppressions = Triage.suppressions(request);
    Set<String> read = new TreeSet<>();
    for (int i = 0; i < outcomes.size(); i++) {
      FileOutcome o = outcomes.get(i);
      merged.addAll(o.model());
      suppressions.addAll(o.suppressions());
      o.syntaxError().ifPresent(findings::add);
      if (o.scanned()) read.add(discovered.files().get(i).displayPath());
    }
    // A file to judge that could not be read is never skipped in silence.
    for (Unreadable u : discovered.unreadable()) {
      findings.add(syntaxError(u.file(), u.reason(), u.location(), u.location()));
      read.add(u.file());
    }
    progress.stage(Progress.Stage.EVALUATING);
    read.addAll(loadTerraform(request, discovery, discovered.files(), merged, findings, suppressions));
    int files = (int) read.stream()
        .filter(f -> request.scope().map(s -> s.covers(absolute(request, f))).orElse(true)).count();
    return new Loaded(discovered, merged.build(), findings, suppressions, files);
  }

  /**
   * The second half of a scan, whatever the model was read from: every rule checks the model,
   * and the suppress stage ({@link Triage}) sorts what is reported from what is hidden.
   * {@code findings} are those loading already found; {@code files} the files suppressions may
   * name; {@code inScope} what the request reports.
   */
  ScanResult judge(ScanRequest request, IamModel model, List<Finding> loadFindings, Suppressions suppressions,
      List<String> fileNames, Predicate<Finding> inScope, int files, int resources, List<FileError> errors) {
    List<Finding> findings = new ArrayList<>(loadFindings);
    List<String> internalErrors = new ArrayList<>();
    // Every rule runs, selected or not: selection filters the report, and a suppression is judged
    // stale (SUP001) against all findings, not against the rules one run happened to select.
    progress.rules(Rules.all().size());
    progress.stage(Progress.Stage.CHECKING);
    Focus focus = focus(request);
    // The rules read the model and nothing else: they run side by side, the heavy ones started
    // first, their findings kept in rule order.
    List<Rule> rules = Rules.all();
    List<Rule> started = new ArrayList<>(rules);
    started.sort(Comparator.comparing((Rule r) -> !r.heavy()));
    List<Checked> results = Parallel.map(request.threads(), "iamlint-check", started, rule -> check(rule, model, request, focus));
    Map<Rule, Checked> byRule = new IdentityHashMap<>();
    for (int i = 0; i < started.size(); i++) byRule.put(started.get(i), results.get(i));
    for (Rule rule : rules) {
      Checked checked = byRule.get(rule);
      findings.addAll(checked.findings());
      checked.failure().ifPresent(internalErrors::add);
    }
    // Suppressions expire on the day the scan judges (--as-of, else today): the same input gives the same output.
    Triage.Sorted sorted = new Triage(request, inScope).sort(findings, suppressions, fileNames,
        request.options().asOf().orElseGet(() -> LocalDate.now(ZoneOffset.UTC)));
    progress.stage(Progress.Stage.DONE);
    return new ScanResult(sorted.reported(), files, resources, errors, internalErrors, sorted.hidden());
  }

  /** What one rule found, or why it failed (only a selected rule's failure is reported). */
  private record Checked(List<Finding> findings, Optional<String> failure) {}

  /**
   * Where the findings of this run may be reported or matched: everywhere, unless it scans part of
   * a project without its config file (whose ignore entries are judged against every finding).
   */
  private static Focus focus(ScanRequest request) {
    if (request.scope().isEmpty()) return Focus.EVERYTHING;
    ProjectScope scope = request.scope().get();
    if (request.ignores().stream().anyMatch(i -> scope.covers(absolute(request, i.at().file())))) return Focus.EVERYTHING;
    return Focus.on(file -> scope.covers(absolute(request, file)));
  }

  private Checked check(Rule rule, IamModel model, ScanRequest request, Focus focus) {
    RuleMetadata metadata = Catalog.get(rule.id());
    RuleContext context = new RuleContext(model, request.options(), metadata, focus);
    try {
      rule.check(context);
      return new Checked(context.findings(), Optional.empty());
    } catch (RuntimeException | StackOverflowError e) {
      if (!request.selector().selects(metadata)) return new Checked(List.of(), Optional.empty());
      return new Checked(List.of(), Optional.of("rule " + rule.id() + " failed: " + InternalFailure.describe(e)));
    } finally {
      progress.ruleChecked();
    }
  }

  private static final AtomicBoolean PRELOADING = new AtomicBoolean();

  /**
   * Reads the bundled catalogues (rules, IAM actions, managed policies, escalation paths) on a
   * thread of their own while the command line is read and files are discovered and parsed: every
   * scan needs them, and reading them is most of a small scan's own work in a fresh JVM. Their
   * holders initialise once, whichever thread comes first; a second call does nothing.
   */
  public static void preloadCatalogues() {
    if (!PRELOADING.compareAndSet(false, true)) return;
    Thread t = new Thread(() -> {
      try {
        // The first digest made loads the security providers (tens of milliseconds): here, while
        // discovery walks the tree, not when the cache first hashes a file.
        Keys.sha256();
        Catalog.all();
        ActionCatalog.bundled();
        ManagedPolicyCatalog.bundled();
        EscalationPaths.bundled();
      } catch (RuntimeException | LinkageError e) {
        // The thread that needs a catalogue meets the same failure and reports it.
      }
    }, "iamlint-preload");
    t.setDaemon(true);
    t.start();
  }

  /** Deterministic: file, position, rule, then message. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing((Finding f) -> f.location().file())
      .thenComparingInt(f -> f.location().startLine())
      .thenComparingInt(f -> f.location().startColumn())
      .thenComparing(Finding::ruleId)
      .thenComparing(f -> f.resource().address())
      .thenComparing(Finding::message)
      .thenComparing(f -> f.resource().deployment());

  private List<FileOutcome> loadAll(ScanRequest request, List<SourceFile> files) {
    // Terraform is read per module directory (loadTerraform): its files need no task here.
    return inParallel(request, files, f -> f.kind().isCloudFormation(), f -> {
      // A failure of iamlint on one file is that file's finding; the others are still judged.
      FileOutcome outcome = InternalFailure.contain(() -> load(request, f), reason -> new FileOutcome(new ModelBuilder(),
          Optional.of(notJudged(f.displayPath(), reason)), true, new Suppressions()));
      progress.fileRead();
      return outcome;
    }, f -> {
      progress.fileRead();
      return new FileOutcome(new ModelBuilder(), Optional.empty(), false, new Suppressions());
    });
  }

  /**
   * The second step for CloudFormation: the exports of every template are collected first, so
   * that a template's {@code Fn::ImportValue} resolves to another template's export. A template
   * iamlint fails on is not judged (its outcome says so); the others are. Where evaluating one
   * reached a limit, a located SYN001 is added to {@code findings}.
   */
  private static List<FileOutcome> adaptTemplates(ScanRequest request, List<SourceFile> files, List<FileOutcome> outcomes,
      List<Finding> findings) {
    List<FileOutcome> templates = outcomes.stream().filter(o -> o.template().isPresent()).toList();
    Exports exports = Exports.of(templates.stream().map(o -> o.template().get()).toList(), request.parameters(),
        request.partition());
    // Outcomes are in the files' order: each template's text is its file's.
    Map<FileOutcome, String> texts = new IdentityHashMap<>();
    Map<FileOutcome, ParseCache> caches = new IdentityHashMap<>();
    Map<Path, Template> byPath = new LinkedHashMap<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Optional<Template> t = outcomes.get(i).template();
      if (t.isEmpty()) continue;
      texts.put(outcomes.get(i), files.get(i).text());
      // An editor's unsaved buffer changes with the next keystroke: what is made of it is not kept.
      caches.put(outcomes.get(i), request.overlay().text(files.get(i).path()).isPresent() ? ParseCache.NONE : request.cache());
      byPath.put(files.get(i).path().toAbsolutePath().normalize(), t.get());
    }
    NestedStacks nested = NestedStacks.of(byPath);
    // A template another one nests is judged through its uses, with the values each passes it.
    Set<String> throughParents = nested.judgedThroughParents();
    Predicate<FileOutcome> adaptable = o -> o.template().isPresent() && !throughParents.contains(o.template().get().file());
    Function<FileOutcome, Adapted> adapt = o -> InternalFailure.contain(() -> {
      ModelBuilder model = new ModelBuilder();
      List<Budget.Note> limits = AdaptationCache.adapt(caches.get(o), o.template().get(),
          texts.get(o), request.parameters(), request.partition(), exports, nested, model);
      o.model().addAll(model);
      return new Adapted(o, limits);
    }, reason -> new Adapted(new FileOutcome(new ModelBuilder(), Optional.of(notJudged(o.template().get().file(), reason)),
        true, o.suppressions()), List.of()));
    // Only the templates are adapted; every other outcome stays as it is.
    List<Adapted> adapted = inParallel(request, outcomes, adaptable, adapt, o -> new Adapted(o, List.of()));
    for (Adapted a : adapted) {
      for (Budget.Note n : a.limits()) findings.add(syntaxError(n.location().file(), n.message(), n.location(), n.location()));
      if (request.options().reportUnknown() && a.outcome().template().isPresent()) {
        for (UnreadPart loop : LanguageExtensions.unknownCollections(a.outcome().template().get())) {
          findings.add(loopNotRead(loop));
        }
      }
    }
    return adapted.stream().map(Adapted::outcome).toList();
  }

  /** The info note on a loop whose collection is not known: what it would generate is not judged. */
  private static Finding loopNotRead(UnreadPart loop) {
    RuleMetadata syn = Catalog.get("SYN001");
    Location at = loop.location();
    ResourceRef resource = new ResourceRef(at.file(), at.file(), "file", at, at);
    return new Finding(syn.id(), syn.slug(), Severity.INFO, "Not judged: " + loop.what(), at, resource, List.of(), "unknown:loop");
  }

  /** A template's outcome and where its evaluation reached a limit. */
  private record Adapted(FileOutcome outcome, List<Budget.Note> limits) {}

  /** {@code work} applied to each item, on up to {@code --threads} threads; results in item order. */
  private static <T, R> List<R> inParallel(ScanRequest request, List<T> items, Function<T, R> work) {
    return Parallel.map(request.threads(), "iamlint-load", items, work);
  }

  /**
   * {@code work} applied, on up to {@code --threads} threads, to the items {@code which} accepts,
   * and {@code otherwise} (cheap: no task for it) to the others; results in item order.
   */
  private static <T, R> List<R> inParallel(ScanRequest request, List<T> items, Predicate<T> which, Function<T, R> work,
      Function<T, R> otherwise) {
    Iterator<R> worked = inParallel(request, items.stream().filter(which).toList(), work).iterator();
    List<R> out = new ArrayList<>(items.size());
    for (T item : items) out.add(which.test(item) ? worked.next() : otherwise.apply(item));
    return out;
  }

  private FileOutcome load(ScanRequest request, SourceFile file) {
    ModelBuilder model = new ModelBuilder();
    Suppressions suppressions = new Suppressions();
    // Terraform comments are read with the module directories (loadTerraform): a sibling of a
    // file passed alone is evaluated too, and its suppressions must hold as well.
    if (!file.kind().isCloudFormation()) {
      // Terraform is read per module directory (loadTerraform), not file by file.
      return new FileOutcome(model, Optional.empty(), false, suppressions);
    }
    ParseResult parsed = file.kind() == FileKind.CLOUDFORMATION_JSON
        ? request.cache().tree(ParseCache.Syntax.JSON, file.displayPath(), file.text(), Scanner::parseJsonTemplate)
        : request.cache().tree(ParseCache.Syntax.YAML, file.displayPath(), file.text(), YamlLoader::parse);
    if (file.kind() != FileKind.CLOUDFORMATION_JSON) {
      // "# iamlint:ignore" inside a block scalar or a quoted string is text, not a comment.
      suppressions.readComments(file.displayPath(), file.text(), parsed instanceof ParseResult.Parsed p
          ? ScalarSpans.of(p.root()) : ScalarSpans.NONE);
    }
    if (parsed instanceof ParseResult.Failed failed) {
      return new FileOutcome(model, unparsed(request, file, failed), true, suppressions);
    }
    // Loops of the language extensions are expanded first, as CloudFormation does before anything else.
    Node root = ((ParseResult.Parsed) parsed).root();
    // A file named serverless.yml that is no service is read as the template it may be, never dropped unread.
    Optional<Template> template = (file.kind() == FileKind.SERVERLESS
        ? Serverless.template(file.displayPath(), root, file.text()).or(() -> Template.of(file.displayPath(), root, file.text()))
        : Template.of(file.displayPath(), root, file.text()))
        .map(t -> LanguageExtensions.expand(t, request.parameters(), request.partition()));
    if (template.isEmpty()) return new FileOutcome(model, Optional.empty(), false, suppressions);
    suppressions.readMetadata(template.get());
    return new FileOutcome(model, Optional.empty(), true, suppressions, template);
  }

  private static ParseResult parse(SourceFile file, String text) {
    return file.kind() == FileKind.CLOUDFORMATION_JSON
        ? parseJsonTemplate(file.displayPath(), text)
        : YamlLoader.parse(file.displayPath(), text);
  }

  /** A JSON template as CloudFormation reads it: what is not JSON is read as YAML. */
  public static ParseResult parseJsonTemplate(String file, String text) {
    return JsonLoader.parseTemplate(file, text, YamlLoader::parse);
  }

  /**
   * A file that does not parse is a syntax error, unless its Jinja markup is what breaks it: then
   * it is the source of a template (cookiecutter, {@code sam init}) that is CloudFormation only
   * once rendered, and it is not judged (an info note with {@code --report-unknown}). An error
   * that remains once the markup is set aside is one the rendering keeps: still reported, unless
   * one rendering (the first branch of each if, an expression alone on its line rendering no
   * line) parses: every branch kept, or a word in place of an included file's lines, made it.
   */
  private static Optional<Finding> unparsed(ScanRequest request, SourceFile file, ParseResult.Failed failed) {
    // A Go text/template source (Copilot, eksctl): CloudFormation only once rendered, its actions
    // anywhere in a line (Properties:{{if .X}}); not judged, as a Jinja source whose markup breaks it.
    Optional<JinjaMarkup.Tag> go = failed.problem() == ParseResult.Problem.SYNTAX
        ? GoTemplateMarkup.first(file.displayPath(), file.text()) : Optional.empty();
    if (go.isPresent()) return request.options().reportUnknown() ? Optional.of(templateSource(file, "a Go template source", go.get())) : Optional.empty();
    // A text whose placeholders a build or an application fills in (%%BUCKET%%) before deploying.
    Optional<JinjaMarkup.Tag> placeholder = failed.problem() == ParseResult.Problem.SYNTAX
        ? PlaceholderMarkup.at(file.displayPath(), file.text(), failed.location()) : Optional.empty();
    if (placeholder.isPresent()) {
      return request.options().reportUnknown() ? Optional.of(templateSource(file, "a template with placeholders", placeholder.get()))
          : Optional.empty();
    }
    Optional<JinjaMarkup.SetAside> jinja = failed.problem() == ParseResult.Problem.SYNTAX
        ? JinjaMarkup.setAside(file.displayPath(), file.text()) : Optional.empty();
    if (jinja.isEmpty()) return Optional.of(syntaxError(file, failed));
    ParseResult rendered = parse(file, jinja.get().text());
    // Only every branch kept, or a word in place of an included file's lines, made the error?
    boolean oneRenderingParses = rendered instanceof ParseResult.Failed && !jinja.get().oneRendering().equals(jinja.get().text())
        && parse(file, jinja.get().oneRendering()) instanceof ParseResult.Parsed;
    if (rendered instanceof ParseResult.Failed remaining && !oneRenderingParses) {
      // The parser accepted everything before the first error, so an error that is not further on
      // is that same error (markup in a script, say, has nothing to do with it) or an artifact.
      if (remaining.location().compareTo(failed.location()) <= 0) return Optional.of(syntaxError(file, failed));
      ParseResult.Failed located = new ParseResult.Failed(remaining.message()
          + " (with the " + (jinja.get().terraform() ? "template" : "Jinja") + " markup of this template source set aside)",
          remaining.location(), remaining.problem());
      return Optional.of(syntaxError(file, located));
    }
    if (!request.options().reportUnknown()) return Optional.empty();
    JinjaMarkup.SetAside aside = jinja.get();
    return Optional.of(templateSource(file, aside.terraform() ? "a Terraform template source (templatefile)"
        : "a Jinja template source" + (aside.cookiecutter() ? " (cookiecutter)" : ""), aside.nearest(failed.location())));
  }

  /** The info note on a template source: where its markup stops the parser, and what to do. */
  private static Finding templateSource(SourceFile file, String source, JinjaMarkup.Tag tag) {
    RuleMetadata syn = Catalog.get("SYN001");
    int lines = Math.max(1, (int) file.text().lines().count());
    Location whole = new Location(file.displayPath(), 1, 1, lines, 1);
    ResourceRef resource = new ResourceRef(file.displayPath(), file.displayPath(), "file", whole, tag.location());
    String kind = file.kind() == FileKind.CLOUDFORMATION_JSON ? "JSON" : "YAML";
    String message = "Not judged: " + source
        + ", not " + kind + " until it is rendered (" + shorten(tag.text()) + " at line " + tag.location().startLine()
        + "); render it to check it";
    return new Finding(syn.id(), syn.slug(), Severity.INFO, message, tag.location(), resource, List.of(),
        "unknown:template-source");
  }

  private static String shorten(String tag) {
    String oneLine = tag.replaceAll("\\s+", " ");
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
  }

  /**
   * Terraform is read per module directory, grouped by scan root: a file passed alone (as
   * pre-commit does) is evaluated with the other files of its directory.
   */
  private Set<String> loadTerraform(ScanRequest request, Discovery discovery, List<SourceFile> files, ModelBuilder model,
      List<Finding> findings, Suppressions suppressions) {
    Map<Path, Set<Path>> directoriesByRoot = new TreeMap<>();
    Map<Path, List<SourceFile>> plansByRoot = new TreeMap<>();
    Set<Path> planDirectories = new TreeSet<>();
    for (SourceFile f : files) {
      Path dir = f.path().toAbsolutePath().normalize().getParent();
      if (f.kind() == FileKind.TERRAFORM || f.kind() == FileKind.TERRAFORM_JSON) {
        directoriesByRoot.computeIfAbsent(f.root(), r -> new TreeSet<>()).add(dir);
      } else if (f.kind() == FileKind.TERRAFORM_PLAN) {
        plansByRoot.computeIfAbsent(f.root(), r -> new ArrayList<>()).add(f);
        directoriesByRoot.computeIfAbsent(f.root(), r -> new TreeSet<>());
        planDirectories.add(dir);
      }
    }
    Map<Path, String> discovered = new HashMap<>();
    for (SourceFile f : files) {
      if (f.kind() == FileKind.TERRAFORM || f.kind() == FileKind.TERRAFORM_JSON) {
        discovered.put(f.path().toAbsolutePath().normalize(), f.text());
      }
    }
    Set<String> read = new TreeSet<>();
    Optional<TerraformLoader.Context> context = plansByRoot.isEmpty() ? context(request, files, model) : Optional.empty();
    TerraformLoader.Options options = new TerraformLoader.Options(request.variableFiles(), request.variables(),
        request.environment(), request.partition(), request.threads());
    for (Map.Entry<Path, Set<Path>> e : directoriesByRoot.entrySet()) {
      TerraformLoader loader = new TerraformLoader(e.getKey(), discovery::display, options, request.cache(), discovered,
          request.overlay());
      // A plan is the more precise picture of its directory: the sources beside it only place its resources.
      for (SourceFile plan : plansByRoot.getOrDefault(e.getKey(), List.of())) {
        read.add(plan.displayPath());
        ModelBuilder planned = new ModelBuilder();
        Optional<Finding> error = InternalFailure.contain(() -> PlanLoader.load(plan.displayPath(), plan.text(),
                loader.module(plan.path().toAbsolutePath().normalize().getParent()), planned)
            .map(s -> syntaxError(s.file(), s.message(), s.location(), s.location())),
            reason -> Optional.of(notJudged(plan.displayPath(), reason)));
        if (error.isPresent()) findings.add(error.get());
        else model.addAll(planned);
      }
      List<Path> modules = e.getValue().stream().filter(d -> !planDirectories.contains(d)).toList();
      TerraformLoader.Result result = loader.load(modules, context);
      model.addAll(result.model());
      for (Map.Entry<String, String> source : result.sources().entrySet()) {
        if (!read.contains(source.getKey())) suppressions.readComments(source.getKey(), source.getValue());
      }
      read.addAll(result.filesRead());
      for (SyntaxError error : result.syntaxErrors()) {
        read.add(error.file());
        findings.add(syntaxError(error.file(), error.message(), error.location(), error.location()));
      }
    }
    return read;
  }

  /**
   * What a partial scan may leave unread of the project's Terraform (see {@link
   * TerraformLoader.Context}): nothing when project-level rules may place a finding anywhere (an
   * account baseline), when the config file's ignore entries are judged against every finding,
   * or when a scanned file is not Terraform. {@code model} holds what the scan read before: its
   * templates are always read, so what they name ties a root module to them.
   */
  private static Optional<TerraformLoader.Context> context(ScanRequest request, List<SourceFile> files, ModelBuilder model) {
    if (request.scope().isEmpty() || request.options().accountBaseline() || focus(request) == Focus.EVERYTHING) return Optional.empty();
    ProjectScope scope = request.scope().get();
    for (SourceFile f : files) {
      boolean terraform = f.kind() == FileKind.TERRAFORM || f.kind() == FileKind.TERRAFORM_JSON;
      if (!terraform && scope.covers(absolute(request, f.displayPath()))) return Optional.empty();
    }
    return Optional.of(new TerraformLoader.Context(scope.paths(), () -> Linkage.of(model)));
  }

  /**
   * The files of a partial scan: the whole project (a scanned path is walked even where the
   * project's .gitignore leaves it out), and any scanned file the walk of the project does not
   * pick (named explicitly with an unusual extension). A scanned file that is a link out
   * of the project is not read. Errors are those of the scanned paths: the rest of the project
   * is context, and its problems belong to the scans that cover it.
   */
  private static Discovery.Result discoverProject(ScanRequest request, Discovery discovery, ProjectScope scope) {
    Discovery.Result project = discovery.discoverProject(scope.root(), scope.paths());
    List<SourceFile> files = new ArrayList<>(project.files());
    Set<Path> walked = new HashSet<>();
    for (SourceFile f : files) walked.add(f.path().toAbsolutePath().normalize());
    List<FileError> errors = new ArrayList<>();
    for (FileError e : project.errors()) {
      if (scope.covers(absolute(request, e.file()))) errors.add(e);
    }
    List<Unreadable> unreadable = new ArrayList<>(project.unreadable());
    int walkedFiles = files.size();
    for (Path path : scope.paths()) {
      if (walked.contains(path) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) continue;
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !realPathInside(path, scope.root())) {
        errors.add(new FileError(discovery.display(path), "lies outside the project root "
            + discovery.display(scope.root()) + " (through a symbolic link): not scanned"));
        continue;
      }
      Discovery.Result one = discovery.discover(List.of(path));
      files.addAll(one.files());
      errors.addAll(one.errors());
      unreadable.addAll(one.unreadable());
    }
    // The walk's files come sorted: only a file added to them needs a new sort.
    if (files.size() > walkedFiles) files.sort(Comparator.comparing(SourceFile::displayPath));
    errors.sort(Comparator.comparing(FileError::file));
    unreadable.sort(Comparator.comparing(Unreadable::file));
    return new Discovery.Result(List.copyOf(files), List.copyOf(errors), List.copyOf(unreadable));
  }

  private static boolean realPathInside(Path path, Path root) {
    try {
      return path.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /** A display path (relative to the working directory, or absolute) as an absolute path. */
  private static Path absolute(ScanRequest request, String display) {
    return request.workingDirectory().toAbsolutePath().resolve(display).normalize();
  }

  /**
   * The directories a scan reads from (a file's directory: its module is read with it; the
   * project root of a partial scan); the cache never writes under them.
   */
  private static List<Path> scanRoots(ScanRequest request) {
    List<Path> roots = new ArrayList<>(request.paths().stream()
        .map(p -> request.workingDirectory().resolve(p).toAbsolutePath().normalize())
        .map(p -> Files.isDirectory(p) || p.getParent() == null ? p : p.getParent()).toList());
    request.scope().ifPresent(s -> roots.add(s.root()));
    return roots;
  }

  /** A file iamlint failed on (see {@link InternalFailure}): not judged, and said so at its start. */
  private static Finding notJudged(String file, String reason) {
    Location start = Location.point(file, 1, 1);
    return syntaxError(file, "not judged: " + reason, start, start);
  }

  static Finding syntaxError(String file, String message, Location at, Location whole) {
    RuleMetadata syn = Catalog.get("SYN001");
    ResourceRef resource = new ResourceRef(file, file, "file", whole, at);
    return new Finding(syn.id(), syn.slug(), syn.severity(), message, at, resource, List.of(), "syntax");
  }

  static Finding syntaxError(SourceFile file, ParseResult.Failed failed) {
    RuleMetadata syn = Catalog.get("SYN001");
    int lines = Math.max(1, (int) file.text().lines().count());
    Location whole = new Location(file.displayPath(), 1, 1, lines, 1);
    ResourceRef resource = new ResourceRef(file.displayPath(), file.displayPath(), "file", whole, failed.location());
    String kind = file.kind() == FileKind.CLOUDFORMATION_JSON ? "JSON" : "YAML";
    // A limit or an unsupported tag says what it is; only a grammar error is a "syntax error".
    String message = (failed.problem() == ParseResult.Problem.SYNTAX ? kind + " syntax error: " : "") + failed.message();
    return new Finding(syn.id(), syn.slug(), syn.severity(), message, failed.location(), resource, List.of(),
        "syntax");
  }
}
