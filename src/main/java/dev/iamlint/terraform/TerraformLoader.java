package dev.iamlint.terraform;

import dev.iamlint.cache.ParseCache;
import dev.iamlint.hcl.Body;
import dev.iamlint.hcl.Expression;
import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.hcl.ModuleSources;
import dev.iamlint.json.JsonLoader;
import dev.iamlint.model.Linkage;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.source.InternalFailure;
import dev.iamlint.source.Location;
import dev.iamlint.source.Overlay;
import dev.iamlint.source.Parallel;
import dev.iamlint.source.SourceReader;
import dev.iamlint.terraform.adapter.Deployments;
import dev.iamlint.terraform.adapter.TerraformAdapter;
import dev.iamlint.terraform.evaluation.ModuleInstance;
import dev.iamlint.terraform.evaluation.Project;
import dev.iamlint.terraform.evaluation.TfResource;
import dev.iamlint.terraform.functions.FileAccess;
import dev.iamlint.terraform.loader.InstalledModules;
import dev.iamlint.terraform.loader.ModuleConfig;
import dev.iamlint.terraform.loader.ModulePaths;
import dev.iamlint.terraform.loader.TerraformJson;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Loads Terraform: groups files into modules (one directory each), evaluates every root module
 * (a directory that no other scanned module calls) with its children, and maps the result into
 * the model. Files are read only inside the scan root; no network is ever used.
 */
public final class TerraformLoader {

  /** Variable values given on the command line, in order, and the environment's TF_VAR_*. */
  /** {@code threads}: how many directories are parsed at once (--threads). */
  public record Options(List<Path> varFiles, Map<String, String> vars, Map<String, String> environment, String partition,
      int threads) {
    public Options(List<Path> varFiles, Map<String, String> vars, Map<String, String> environment, String partition) {
      this(varFiles, vars, environment, partition, Runtime.getRuntime().availableProcessors());
    }
  }

  /** {@code sources}: the text of each HCL file read, by display path (for suppression comments). */
  public record Result(ModelBuilder model, List<SyntaxError> syntaxErrors, Set<String> filesRead, Map<String, String> sources) {}

  private final Path root;
  private final Function<Path, String> display;
  private final Options options;
  private final Map<Path, Optional<ModuleConfig>> modules = new ConcurrentHashMap<>();
  private final List<SyntaxError> syntaxErrors = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> filesRead = ConcurrentHashMap.newKeySet();
  private final Map<String, String> sources = new ConcurrentHashMap<>();
  private final Path realRoot;
  private final ParseCache cache;
  private final Map<Path, String> discovered;
  /** Every file is read through it: the limits are discovery's, whichever path leads to a file. */
  private final SourceReader reader;
  private final Overlay overlay;
  private final Map<Path, Optional<Texts>> texts = new ConcurrentHashMap<>();
  private final Map<Path, Outline> outlines = new ConcurrentHashMap<>();
  private final Set<Path> used = ConcurrentHashMap.newKeySet();
  private final Map<Path, DeploymentCache> deploymentCaches = new ConcurrentHashMap<>();
  /** The inputs of the root module this thread evaluates, when its result is to be kept. */
  private final ThreadLocal<Inputs> current = new ThreadLocal<>();

  public TerraformLoader(Path root, Function<Path, String> display, Options options) {
    this(root, display, options, ParseCache.NONE);
  }

  /** {@code cache}: where module files' parse results are kept across runs. */
  public TerraformLoader(Path root, Function<Path, String> display, Options options, ParseCache cache) {
    this(root, display, options, cache, Map.of());
  }

  /**
   * {@code discovered}: the text of each Terraform file discovery read, by absolute path: the
   * loader reads the other files of module directories (and modules outside the scanned paths)
   * itself, through the same reader.
   */
  public TerraformLoader(Path root, Function<Path, String> display, Options options, ParseCache cache,
      Map<Path, String> discovered) {
    this(root, display, options, cache, discovered, Overlay.NONE);
  }

  /** {@code overlay}: unsaved texts read in place of their files (an editor's buffers). */
  public TerraformLoader(Path root, Function<Path, String> display, Options options, ParseCache cache,
      Map<Path, String> discovered, Overlay overlay) {
    this.overlay = overlay;
    this.discovered = Map.copyOf(discovered);
    this.root = root.toAbsolutePath().normalize();
    this.display = display;
    this.options = options;
    this.cache = cache;
    Path r;
    try {
      r = this.root.toRealPath();
    } catch (IOException e) {
      r = this.root;
    }
    this.realRoot = r;
    this.reader = SourceReader.confinedTo(this.root).over(overlay);
  }

  /**
   * A partial scan's view of the project: {@code scanned} are the paths whose findings are
   * reported, {@code loaded} what ties the rest of the scan (its templates) to other deployments
   * (asked only when a root module is left to decide on).
   * A root module whose kept result reads none of the scanned paths is context: it is read when
   * it holds what project-level rules read and a scanned root module is a deployment (those rules
   * judge only deployments), or when a name ties it to what is read ({@link Linkage}); else it
   * changes no finding reported and is left unread.
   */
  public record Context(List<Path> scanned, Supplier<Linkage> loaded) {
    public Context {
      scanned = scanned.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Whether an evaluation that read {@code input} holds elements of the scanned paths. */
    boolean reads(DeploymentCache.Input input) {
      Path p = Path.of(input.path());
      boolean directory = input.kind() == Inputs.Kind.MODULE || input.kind() == Inputs.Kind.AUTO_VARIABLE_FILES;
      return scanned.stream().anyMatch(s -> p.startsWith(s) || directory && p.equals(s.getParent()));
    }
  }

  /** Evaluates the modules in {@code directories} (module directories found by discovery). */
  public Result load(List<Path> directories) {
    return load(directories, Optional.empty());
  }

  /**
   * The same, for a partial scan when {@code context} is given: the root modules of the context
   * that change nothing reported are left out of the model (see {@link Context}).
   */
  public Result load(List<Path> directories, Optional<Context> context) {
    ModelBuilder model = new ModelBuilder();
    List<Path> dirs = directories.stream().map(d -> d.toAbsolutePath().normalize()).distinct().sorted().toList();
    // The root modules are planned from a sketch of the calls that parses nothing when the tokens
    // make the sources certain: a module's tree is built when the first root module that reads it
    // is evaluated and let go when the last one is done, so that the trees of a large scan do not
    // all live at once (they are most of the memory a scan uses, and most of its collector's work).
    List<List<String>> sketched = Parallel.map(options.threads(), "iamlint-outline", dirs, this::sketchedSources);
    Map<Path, Set<Path>> planned = new HashMap<>();
    for (int i = 0; i < dirs.size(); i++) planned.put(dirs.get(i), targets(dirs.get(i), sketched.get(i)));
    List<Path> plannedRoots = roots(dirs, planned);
    Map<Path, Set<Path>> closures = new HashMap<>();
    Map<Path, AtomicInteger> readers = new HashMap<>();
    for (Path root : plannedRoots) {
      Set<Path> closure = reach(root, planned);
      closures.put(root, closure);
      closure.forEach(d -> readers.computeIfAbsent(d, k -> new AtomicInteger()).incrementAndGet());
    }
    Map<Path, ModelBuilder> fragments = new ConcurrentHashMap<>();
    Function<List<Path>, List<Path>> evaluate = roots -> Parallel.map(options.threads(), "iamlint-evaluate", roots, dir -> {
      fragments.put(dir, evaluateContained(dir));
      for (Path d : closures.get(dir)) {
        if (readers.get(d).decrementAndGet() == 0) modules.remove(d);
      }
      return dir;
    });
    Set<Path> leftOut = context.isPresent() && DeploymentCache.usable(cache)
        ? evaluateTied(context.get(), plannedRoots, fragments, evaluate) : evaluateAll(plannedRoots, evaluate);
    // Every directory is read, reached or not (its syntax errors count), and the roots are those
    // of the calls as parsed: a sketch that was wrong costs time, never a different result.
    List<Path> unread = dirs.stream().filter(d -> !outlines.containsKey(d)).toList();
    Parallel.map(options.threads(), "iamlint-parse", unread, DeploymentCache.usable(cache) ? this::outline : this::module);
    Map<Path, Set<Path>> calls = new HashMap<>();
    for (Path dir : dirs) calls.put(dir, targets(dir, outlines.getOrDefault(dir, NO_OUTLINE).localSources()));
    List<Path> roots = roots(dirs, calls);
    List<Path> missed = roots.stream().filter(r -> !fragments.containsKey(r) && !leftOut.contains(r)).toList();
    Parallel.map(options.threads(), "iamlint-evaluate", missed, dir -> fragments.put(dir, evaluateContained(dir)));
    // Root modules are independent deployments: their elements taken in root order.
    for (Path r : roots) {
      ModelBuilder fragment = fragments.get(r);
      if (fragment != null) model.addAll(fragment);
    }
    // In a fixed order, whichever thread found an error first.
    List<SyntaxError> errors = new ArrayList<>(new LinkedHashSet<>(syntaxErrors));
    errors.sort(Comparator.comparing(SyntaxError::file).thenComparing(SyntaxError::location)
        .thenComparing(SyntaxError::message));
    return new Result(model, errors, filesRead, new TreeMap<>(sources));
  }

  /** Evaluates every root module: none is left out. */
  private static Set<Path> evaluateAll(List<Path> roots, Function<List<Path>, List<Path>> evaluate) {
    evaluate.apply(roots);
    return Set.of();
  }

  /**
   * Evaluates the root modules a partial scan needs (see {@link Context}) with {@code evaluate},
   * and gives those left out: the root modules whose kept result reads a scanned path, or that
   * have no kept result, are evaluated first; when one of them is a deployment, those that hold
   * what project-level rules read; then those a name ties to what is read, until none is left
   * that is tied.
   */
  private Set<Path> evaluateTied(Context context, List<Path> roots, Map<Path, ModelBuilder> fragments,
      Function<List<Path>, List<Path>> evaluate) {
    List<Optional<DeploymentCache.Peek>> peeks = Parallel.map(options.threads(), "iamlint-peek", roots,
        dir -> deploymentCache(dir).peek());
    List<Path> first = new ArrayList<>();
    Map<Path, Linkage> rest = new LinkedHashMap<>();
    for (int i = 0; i < roots.size(); i++) {
      Optional<DeploymentCache.Peek> peek = peeks.get(i);
      if (peek.isEmpty() || peek.get().inputs().stream().anyMatch(context::reads)) first.add(roots.get(i));
      else rest.put(roots.get(i), peek.get().linkage());
    }
    evaluate.apply(first);
    // A cold cache, or a project of one root module: nothing is left to decide on.
    if (rest.isEmpty()) return Set.of();
    Linkage loaded = context.loaded().get();
    boolean deployed = false;
    for (int i = 0; i < roots.size(); i++) {
      if (rest.containsKey(roots.get(i))) continue;
      Optional<DeploymentCache.Peek> peek = peeks.get(i);
      Path root = roots.get(i);
      Linkage own = peek.map(DeploymentCache.Peek::linkage)
          .orElseGet(() -> deploymentCache(root).made().orElseGet(() -> Linkage.of(fragments.get(root))));
      deployed |= own.deployed();
      loaded = loaded.with(own);
    }
    if (deployed) {
      // Project-level rules judge the scanned deployment against the whole project: what they read.
      List<Path> facts = rest.entrySet().stream().filter(e -> e.getValue().projectFacts()).map(Map.Entry::getKey).toList();
      evaluate.apply(facts);
      for (Path f : facts) loaded = loaded.with(rest.remove(f));
    }
    while (true) {
      Linkage read = loaded;
      List<Path> tied = rest.entrySet().stream().filter(e -> e.getValue().tiedTo(read)).map(Map.Entry::getKey).toList();
      if (tied.isEmpty()) return Set.copyOf(rest.keySet());
      evaluate.apply(tied);
      for (Path t : tied) loaded = loaded.with(rest.remove(t));
    }
  }

  /** Roots: directories no other scanned directory calls; then any left unreached (a cycle), in order. */
  private static List<Path> roots(List<Path> dirs, Map<Path, Set<Path>> calls) {
    Set<Path> called = new HashSet<>();
    calls.forEach((dir, targets) -> targets.stream().filter(t -> !t.equals(dir)).forEach(called::add));
    List<Path> roots = new ArrayList<>(dirs.stream().filter(d -> !called.contains(d)).toList());
    Set<Path> reached = new HashSet<>();
    for (Path root : roots) reached.addAll(reach(root, calls));
    for (Path dir : dirs) {
      if (!reached.contains(dir)) {
        roots.add(dir);
        reached.addAll(reach(dir, calls));
      }
    }
    return roots;
  }

  /** The directories a root module reads through local calls, itself included. */
  private static Set<Path> reach(Path root, Map<Path, Set<Path>> calls) {
    Set<Path> reached = new LinkedHashSet<>();
    List<Path> queue = new ArrayList<>(List.of(root));
    while (!queue.isEmpty()) {
      Path d = queue.remove(queue.size() - 1);
      if (reached.add(d)) queue.addAll(calls.getOrDefault(d, Set.of()));
    }
    return reached;
  }

  /** The root module in {@code dir} evaluated; one iamlint fails on is not judged (said at its first file), and nothing of it is kept. */
  private ModelBuilder evaluateContained(Path dir) {
    ModelBuilder fragment = new ModelBuilder();
    InternalFailure.contain(() -> evaluateRoot(dir, fragment), reason -> {
      // What was parsed of it, if anything: the failure may have been in reading it.
      String first = modules.getOrDefault(dir, Optional.empty()).map(ModuleConfig::firstFile).orElse(display(dir));
      return syntaxErrors.add(new SyntaxError(first, "module " + display(dir) + " not judged: " + reason,
          Location.point(first, 1, 1)));
    });
    return fragment;
  }

  /**
   * Evaluates the root module in {@code dir} into {@code model}, or takes what the deployment cache
   * kept for it. Nothing is added, and nothing kept, unless the evaluation completes.
   */
  private boolean evaluateRoot(Path dir, ModelBuilder model) {
    if (!DeploymentCache.usable(cache)) {
      module(dir).ifPresent(config -> model.addAll(evaluate(dir, config)));
      return true;
    }
    if (!outline(dir).configured()) return true;
    DeploymentCache.Evaluated evaluated = deploymentCache(dir).get(() -> {
      Inputs inputs = new Inputs();
      current.set(inputs);
      try {
        record(Inputs.Kind.MODULE, dir, () -> fingerprint(dir));
        ModelBuilder fragment = evaluate(dir, module(dir).orElseThrow());
        Map<DeploymentCache.Input, String> states = inputs.states();
        return new DeploymentCache.Recorded(new DeploymentCache.Evaluated(fragment, inputs.syntaxErrors, inputs.filesRead),
            states, states.keySet().stream().noneMatch(this::unsaved));
      } finally {
        current.remove();
      }
    }, inputs -> {
      // The modules the kept result read are read in this run too: their files count, their
      // suppression comments hold and their syntax errors are reported, as when it is evaluated.
      for (DeploymentCache.Input input : inputs) {
        if (input.kind() == Inputs.Kind.MODULE) outline(Path.of(input.path()));
      }
    });
    // What reading the variable files gave, whether they were read now or when the result was kept.
    syntaxErrors.addAll(evaluated.syntaxErrors());
    filesRead.addAll(evaluated.filesRead());
    model.addAll(evaluated.model());
    return true;
  }

  /** The deployment cache of the root module in {@code dir}, made once a run (it holds what it has read of its manifest). */
  private DeploymentCache deploymentCache(Path dir) {
    return deploymentCaches.computeIfAbsent(dir, d -> new DeploymentCache(cache, rootKey(d), input -> stateNow(d, input)));
  }

  private ModelBuilder evaluate(Path dir, ModuleConfig config) {
    ModelBuilder fragment = new ModelBuilder();
    LocalProject project = new LocalProject(dir);
    ModuleInstance instance = ModuleInstance.root(project, config);
    List<TfResource> resources = instance.resources();
    TerraformAdapter.adapt(resources, instance.documentsInUse(), Deployments.of(display(dir), config, resources, instance.unreadParts()), fragment);
    // Where a budget cut the evaluation short: a located SYN001, kept with the result as the variable files' errors are.
    for (Budget.Note n : project.budget.notes()) variableFileError(new SyntaxError(n.location().file(), n.message(), n.location()));
    return fragment;
  }

  // ---- what an evaluation reads, for the deployment cache ----

  /** Whether an input is, or holds, an editor's unsaved buffer. */
  private boolean unsaved(DeploymentCache.Input input) {
    Path p = Path.of(input.path());
    return switch (input.kind()) {
      case MODULE, AUTO_VARIABLE_FILES -> overlay.holdsFileIn(p);
      case FILE, EXPLICIT_FILE -> overlay.text(p).isPresent();
    };
  }

  /** What, besides its inputs, the evaluation of the root module in {@code dir} depends on. */
  private Map<String, String> rootKey(Path dir) {
    Map<String, String> key = new TreeMap<>();
    key.put("root", dir.toString());
    // What lies outside the scan root is not read: the same module scanned from another root reads other things.
    key.put("scan root", realRoot.toString());
    key.put("shown as", display(dir));
    key.put("partition", options.partition());
    key.put("variable files", options.varFiles().toString());
    options.vars().forEach((k, v) -> key.put("var " + k, v));
    options.environment().forEach((k, v) -> {
      if (k.startsWith("TF_VAR_")) key.put("env " + k, v);
    });
    workspace(options).ifPresent(w -> key.put("workspace", w));
    return key;
  }

  /**
   * The state of an input of the root module in {@code rootModule} as it is now; the same as
   * {@link Inputs} recorded when it was read in that state. A manifest comes from the cache, so
   * it is not trusted: a path that is not absolute and normal, a variable file not named on the
   * command line, or the auto variable files of another directory make it a miss (the root
   * module is evaluated again and the manifest rewritten). Only an explicit variable file is
   * read outside the scan root, as in evaluation.
   */
  private String stateNow(Path rootModule, DeploymentCache.Input input) {
    Path p = Path.of(input.path());
    if (!p.isAbsolute() || !p.normalize().equals(p)) throw new IllegalArgumentException("not a path an evaluation reads: " + p);
    return switch (input.kind()) {
      case MODULE -> fingerprint(p);
      // A file its directory's listing does not hold is absent, as reading it would say (without
      // the exception reading it throws: a kept evaluation's absent terraform.tfvars is checked for
      // every root module of a partial scan).
      case FILE -> listed(p.getParent()).map(n -> n.contains(p.getFileName().toString())).orElse(true)
          ? fileState(p, false) : ABSENT;
      case EXPLICIT_FILE -> {
        if (!explicitVariableFiles(rootModule).contains(p)) throw new IllegalArgumentException("not a variable file given: " + p);
        yield fileState(p, true);
      }
      case AUTO_VARIABLE_FILES -> {
        if (!p.equals(rootModule)) throw new IllegalArgumentException("not the root module: " + p);
        List<Path> files = listed(p).map(n -> n.stream().filter(TerraformLoader::autoVariableFile).map(p::resolve).sorted().toList())
            .orElseGet(() -> autoVariableFiles(p));
        yield String.join("\0", files.stream().map(Path::toString).toList());
      }
    };
  }

  /** The --var-file paths as the root module in {@code rootModule} resolves them. */
  private List<Path> explicitVariableFiles(Path rootModule) {
    return options.varFiles().stream().map(f -> (f.isAbsolute() ? f : rootModule.resolve(f)).normalize()).toList();
  }

  private static final String ABSENT = "absent";

  /** Records an input of the evaluation under way, if the deployment cache is in use. */
  private void record(Inputs.Kind kind, Path p, Supplier<String> state) {
    Inputs inputs = current.get();
    if (inputs != null) inputs.read(kind, p.toString(), state.get());
  }

  /**
   * A file's state: absent, why it cannot be read, or how it is shown and the hash of its bytes.
   * Outside the root, only an explicit file is read; every file is read as the reader reads it.
   */
  private String fileState(Path p, boolean explicit) {
    if (!explicit && !inside(p)) return ABSENT;
    return state(p, (explicit ? SourceReader.UNCONFINED.over(overlay) : reader).bytes(p));
  }

  /** A module file's state in its directory's fingerprint: how it is shown and the hash of its text, or why it cannot be read. */
  private String textState(Path p, SourceReader.Outcome read) {
    return read instanceof SourceReader.Text t ? fileState(p, t.text().getBytes(StandardCharsets.UTF_8))
        : ABSENT + ": " + ((SourceReader.Refused) read).reason();
  }

  private String state(Path p, SourceReader.Raw raw) {
    return raw instanceof SourceReader.Bytes b ? fileState(p, b.bytes()) : ABSENT + ": " + ((SourceReader.Refused) raw).reason();
  }

  private String fileState(Path p, byte[] bytes) {
    return display(p) + "\0" + HexFormat.of().formatHex(DeploymentCache.sha256().digest(bytes));
  }

  /** The names of a module directory's entries, when this run has read its files. */
  private Optional<Set<String>> listed(Path dir) {
    Optional<Texts> read = dir == null ? null : texts.get(dir);
    return read == null ? Optional.empty() : read.map(Texts::names);
  }

  private static boolean autoVariableFile(String name) {
    return name.endsWith(".auto.tfvars") || name.endsWith(".auto.tfvars.json");
  }

  /** The *.auto.tfvars[.json] files of a root module, in the order Terraform reads them. */
  List<Path> autoVariableFiles(Path rootModule) {
    try (Stream<Path> list = Files.list(rootModule)) {
      List<Path> files = list.filter(p -> autoVariableFile(p.getFileName().toString())).sorted().toList();
      record(Inputs.Kind.AUTO_VARIABLE_FILES, rootModule, () -> String.join("\0", files.stream().map(Path::toString).toList()));
      return files;
    } catch (IOException e) {
      record(Inputs.Kind.AUTO_VARIABLE_FILES, rootModule, () -> "");
      return List.of();
    }
  }

  /** The directories that local sources ({@code ./x}, {@code ../x}) of module calls in {@code dir} name. */
  private static Set<Path> targets(Path dir, List<String> sources) {
    Set<Path> targets = new HashSet<>();
    for (String source : sources) ModulePaths.under(dir, source).ifPresent(targets::add);
    return targets;
  }

  /**
   * The local sources of a directory's module calls: what the cache kept for it, else a sketch of
   * its files' tokens when every file gives a certain one, else what parsing the directory gives.
   */
  private List<String> sketchedSources(Path dir) {
    Optional<Texts> read = texts(dir);
    if (read.isEmpty()) return List.of();
    Optional<Outline> kept = keptOutline(dir, read.get());
    if (kept.isPresent()) return kept.get().localSources();
    List<String> sources = new ArrayList<>();
    for (FileText f : read.get().files()) {
      if (!(f.read() instanceof SourceReader.Text t)) continue;
      // JSON and override files are merged into the configuration by rules a sketch does not follow.
      Optional<List<String>> sketch = f.json() || ModuleConfig.isOverride(f.path()) ? Optional.empty() : ModuleSources.of(t.text());
      if (sketch.isEmpty()) {
        return DeploymentCache.usable(cache) ? outline(dir).localSources()
            : module(dir).map(TerraformLoader::localSources).orElse(List.of());
      }
      sketch.get().stream().filter(s -> s.startsWith("./") || s.startsWith("../")).forEach(sources::add);
    }
    return sources;
  }

  /** The sources of a module's calls that are local paths ({@code ./x}, {@code ../x}). */
  private static List<String> localSources(ModuleConfig config) {
    List<String> out = new ArrayList<>();
    for (ModuleConfig.Decl call : config.moduleCalls().values()) {
      ModuleConfig.attribute(call.block(), "source")
          .filter(e -> e instanceof Expression.Template)
          .flatMap(e -> ((Expression.Template) e).literal())
          .filter(s -> s.startsWith("./") || s.startsWith("../"))
          .ifPresent(out::add);
    }
    return out;
  }

  /**
   * What parsing a module directory gives besides its configuration: whether any file of it
   * parsed, the local sources of its module calls, and its syntax errors. With the cache it is
   * kept by the directory's fingerprint, so that finding the root modules parses nothing.
   */
  record Outline(boolean configured, List<String> localSources, List<SyntaxError> syntaxErrors) {}

  private static final Outline NO_OUTLINE = new Outline(false, List.of(), List.of());

  private Outline outline(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    Outline known = outlines.get(dir);
    if (known != null) return known;
    Optional<Texts> read = texts(dir);
    if (read.isEmpty()) return NO_OUTLINE;
    Optional<Outline> kept = keptOutline(dir, read.get());
    if (kept.isPresent()) return kept.get();
    use(dir, read.get());
    // Parsing it keeps its outline.
    module(dir);
    return outlines.getOrDefault(dir, NO_OUTLINE);
  }

  /** The outline the cache kept for a directory whose files read as {@code read}, taken as this run's; empty when none is kept. */
  private Optional<Outline> keptOutline(Path dir, Texts read) {
    Optional<Outline> kept = DeploymentCache.outline(cache, read.fingerprint());
    if (kept.isEmpty()) return Optional.empty();
    use(dir, read);
    settle(dir, kept.get());
    return Optional.of(outlines.get(dir));
  }

  /** The directory's outline, once: its syntax errors are reported by whichever of parsing or the cache gives it first. */
  private void settle(Path dir, Outline outline) {
    if (outlines.putIfAbsent(dir, outline) == null) syntaxErrors.addAll(outline.syntaxErrors());
  }

  /**
   * A module directory's Terraform files as read, and a hash of their names and bytes; {@code
   * names}: the names of all its entries, as listed when they were read.
   */
  private record Texts(List<FileText> files, String fingerprint, Set<String> names) {}

  /** A module file as the reader gave it: its text, or why it could not be read. */
  private record FileText(Path path, SourceReader.Outcome read, boolean json) {}

  /**
   * Reads a module directory's Terraform files once: parsing and the fingerprint that keys what
   * the cache keeps use the same texts. Reading alone changes nothing: a directory whose state is
   * only checked (an input of a cached evaluation that is not used after all) is not counted.
   */
  private Optional<Texts> texts(Path dir) {
    return texts.computeIfAbsent(dir, this::readTexts);
  }

  private Optional<Texts> readTexts(Path dir) {
    if (!inside(dir) || !Files.isDirectory(dir)) return Optional.empty();
    List<FileText> files = new ArrayList<>();
    Set<String> names = new HashSet<>();
    // Without the cache nothing is kept by it: no need to hash.
    MessageDigest fingerprint = DeploymentCache.usable(cache) ? DeploymentCache.sha256() : null;
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.sorted(Comparator.comparing(Path::toString)).toList()) {
        names.add(p.getFileName().toString());
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean hcl = name.endsWith(".tf") || name.endsWith(".tofu");
        boolean json = name.endsWith(".tf.json") || name.endsWith(".tofu.json");
        // Not a regular file (a FIFO named main.tf): refused by the reader, and said so.
        String known = discovered.get(p);
        if ((!hcl && !json) || (known == null && (Files.isDirectory(p) || !inside(p)))) continue;
        // A file discovery read (through the same reader, confined to the same root) is not read again.
        SourceReader.Outcome read;
        if (known != null) {
          read = new SourceReader.Text(known);
        } else {
          SourceReader.Raw raw = reader.bytes(p);
          read = raw instanceof SourceReader.Bytes b
              ? SourceReader.decode(b.bytes(), SourceReader.Encoding.UTF8) : (SourceReader.Refused) raw;
        }
        if (fingerprint != null) fingerprint.update(textState(p, read).getBytes(StandardCharsets.UTF_8));
        files.add(new FileText(p, read, json));
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(new Texts(files, fingerprint == null ? "" : HexFormat.of().formatHex(fingerprint.digest()), Set.copyOf(names)));
  }

  /** A module directory the scan uses (parsed, outlined, or read by a kept evaluation): its files count, HCL texts kept for suppression comments. */
  private void use(Path dir, Texts read) {
    if (!used.add(dir)) return;
    for (FileText f : read.files()) {
      String shown = display.apply(f.path());
      filesRead.add(shown);
      if (!f.json() && f.read() instanceof SourceReader.Text t) sources.put(shown, t.text());
    }
  }

  /** The fingerprint of a module directory as it is read in this run; absent when it is not a directory inside the root. */
  private String fingerprint(Path dir) {
    return texts(dir).map(Texts::fingerprint).orElse(ABSENT);
  }

  // ---- reading modules ----

  public Optional<ModuleConfig> module(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    return modules.computeIfAbsent(dir, this::read);
  }

  private Optional<ModuleConfig> read(Path dir) {
    Optional<Texts> read = texts(dir);
    if (read.isEmpty()) return Optional.empty();
    use(dir, read.get());
    List<ModuleConfig.File> files = new ArrayList<>();
    List<SyntaxError> errors = new ArrayList<>();
    for (FileText f : read.get().files()) {
      String shown = display.apply(f.path());
      if (f.read() instanceof SourceReader.Refused refused) {
        errors.add(new SyntaxError(shown, refused.reason(), Location.point(shown, refused.line(), refused.column())));
        continue;
      }
      String text = ((SourceReader.Text) f.read()).text();
      InternalFailure.contain(() -> parse(f.path(), text, f.json(), errors), reason -> {
        errors.add(new SyntaxError(shown, "not judged: " + reason, Location.point(shown, 1, 1)));
        return Optional.<ModuleConfig.File>empty();
      }).ifPresent(files::add);
    }
    Optional<ModuleConfig> config = files.isEmpty() ? Optional.empty()
        : Optional.of(new ModuleConfig(dir, display.apply(dir), files));
    Outline outline = new Outline(config.isPresent(), config.map(TerraformLoader::localSources).orElse(List.of()), errors);
    settle(dir, outline);
    // Whichever way it came to be parsed (planning, evaluation, a last reading): a later run finds its roots without parsing it.
    if (DeploymentCache.usable(cache)) DeploymentCache.keepOutline(cache, read.get().fingerprint(), outline);
    return config;
  }

  private Optional<ModuleConfig.File> parse(Path p, String text, boolean json, List<SyntaxError> errors) {
    String shown = display.apply(p);
    if (json) {
      ParseResult r = cache.tree(ParseCache.Syntax.JSON, shown, text, JsonLoader::parse);
      if (r instanceof ParseResult.Failed f) {
        errors.add(new SyntaxError(shown, "JSON syntax error: " + f.message(), f.location()));
        return Optional.empty();
      }
      return TerraformJson.body(shown, ((ParseResult.Parsed) r).root()).map(b -> new ModuleConfig.File(shown, b));
    }
    HclParseResult r = cache.hcl(shown, text);
    if (r instanceof HclParseResult.Failed f) {
      errors.add(new SyntaxError(shown, "HCL syntax error: " + f.message(), f.location()));
      return Optional.empty();
    }
    return Optional.of(new ModuleConfig.File(shown, ((HclParseResult.Parsed) r).file().body()));
  }

  /** Inside the scan root, after resolving symbolic links. */
  boolean inside(Path p) {
    try {
      Path real = p.toRealPath();
      return real.startsWith(realRoot);
    } catch (IOException e) {
      return false;
    }
  }

  // ---- the project a root module is evaluated in ----

  private final class LocalProject implements Project {
    private final Path rootModule;
    private final Budget budget = new Budget(Project.MAX_DEPTH);

    LocalProject(Path rootModule) {
      this.rootModule = rootModule;
    }

    @Override
    public Optional<ModuleConfig> module(Path directory) {
      Path dir = directory.toAbsolutePath().normalize();
      Optional<ModuleConfig> config = TerraformLoader.this.module(dir);
      record(Inputs.Kind.MODULE, dir, () -> fingerprint(dir));
      return config;
    }

    @Override
    public Optional<Path> moduleSource(ModuleConfig caller, String callKey, String source) {
      Optional<Path> named;
      if (source.startsWith("./") || source.startsWith("../")) {
        named = ModulePaths.under(caller.directory(), source);
      } else {
        // modules.json is read once: its state is that of the bytes that name the directory.
        Path manifest = InstalledModules.manifest(rootModule);
        SourceReader.Raw raw = inside(manifest) ? reader.bytes(manifest) : new SourceReader.Refused("outside the scan root", 1, 1);
        record(Inputs.Kind.FILE, manifest, () -> inside(manifest) ? state(manifest, raw) : ABSENT);
        named = raw instanceof SourceReader.Bytes b && SourceReader.decode(b.bytes(), SourceReader.Encoding.UTF8) instanceof SourceReader.Text t
            ? InstalledModules.directory(rootModule, callKey, t.text()) : Optional.empty();
      }
      // Recorded even when it is not there (yet) or lies outside the root: creating it changes the result.
      named.ifPresent(dir -> record(Inputs.Kind.MODULE, dir, () -> fingerprint(dir)));
      return named.filter(TerraformLoader.this::inside);
    }

    @Override
    public Map<String, Value> rootVariables(ModuleConfig config) {
      return Variables.rootValues(config, rootModule, options, TerraformLoader.this, budget);
    }

    /** Paths resolve against the root module's directory, where Terraform runs. */
    @Override
    public FileAccess files(Path moduleDirectory) {
      return new ConfinedFiles(rootModule);
    }

    @Override
    public String partition() {
      return options.partition();
    }

    @Override
    public Optional<String> workspace() {
      return TerraformLoader.workspace(options);
    }

    @Override
    public Budget budget() {
      return budget;
    }
  }

  /** The workspace TF_WORKSPACE selects, as Terraform reads it; none when it is not set. */
  static Optional<String> workspace(Options options) {
    return Optional.ofNullable(options.environment().get("TF_WORKSPACE")).filter(w -> !w.isEmpty());
  }

  private final class ConfinedFiles implements FileAccess {
    private final Path dir;

    ConfinedFiles(Path dir) {
      this.dir = dir;
    }

    @Override
    public Optional<String> read(String path) {
      Optional<Path> named = ModulePaths.under(dir, path);
      if (named.isEmpty()) return Optional.empty();
      Path p = named.get();
      if (!inside(p)) {
        record(Inputs.Kind.FILE, p, () -> ABSENT);
        return Optional.empty();
      }
      SourceReader.Raw raw = reader.bytes(p);
      record(Inputs.Kind.FILE, p, () -> state(p, raw));
      return raw instanceof SourceReader.Bytes b
          && SourceReader.decode(b.bytes(), SourceReader.Encoding.UTF8) instanceof SourceReader.Text t
          ? Optional.of(t.text()) : Optional.empty();
    }

    @Override
    public boolean exists(String path) {
      Optional<Path> named = ModulePaths.under(dir, path);
      if (named.isEmpty()) return false;
      Path p = named.get();
      record(Inputs.Kind.FILE, p, () -> fileState(p, false));
      return Files.isRegularFile(p) && inside(p);
    }

    @Override
    public Path moduleDirectory() {
      return dir;
    }

    @Override
    public Optional<String> display(String path) {
      Optional<Path> named = ModulePaths.under(dir, path);
      if (named.isEmpty()) return Optional.empty();
      Path p = named.get();
      record(Inputs.Kind.FILE, p, () -> fileState(p, false));
      return Files.isRegularFile(p) && inside(p) ? Optional.of(TerraformLoader.this.display(p)) : Optional.empty();
    }
  }

  String display(Path p) {
    return display.apply(p);
  }

  static Value located(Value v, String description, Location at) {
    return v.withOrigin(v.location(), Provenance.of(description, at));
  }

  static Map<String, Value> ordered() {
    return new LinkedHashMap<>();
  }

  /** A variable file; one named on the command line may lie outside the scan root, as the user chose it. */
  /**
   * A variable file as this scan reads it: absent (Terraform reads the files it knows by name
   * only when they exist; one outside the scan root is not read), unreadable (the syntax error
   * is reported), or its attributes.
   */
  sealed interface VariableFile {
    record Absent() implements VariableFile {}

    record Unreadable(String shown) implements VariableFile {}

    record Read(Body body) implements VariableFile {}
  }

  private static final VariableFile ABSENT_FILE = new VariableFile.Absent();

  VariableFile parseVarsFile(Path p, boolean explicit) {
    Inputs.Kind kind = explicit ? Inputs.Kind.EXPLICIT_FILE : Inputs.Kind.FILE;
    if (!explicit && !inside(p)) {
      record(kind, p, () -> ABSENT);
      return ABSENT_FILE;
    }
    // Read once: the state recorded is that of the bytes parsed.
    SourceReader.Raw raw = (explicit ? SourceReader.UNCONFINED.over(overlay) : reader).bytes(p);
    record(kind, p, () -> state(p, raw));
    // The files Terraform reads by name (terraform.tfvars...) are often absent: that is not an error.
    if (raw instanceof SourceReader.Refused && !Files.exists(p)) return ABSENT_FILE;
    String shown = display.apply(p);
    SourceReader.Outcome read = raw instanceof SourceReader.Bytes b ? SourceReader.decode(b.bytes(), SourceReader.Encoding.UTF8)
        : (SourceReader.Refused) raw;
    if (read instanceof SourceReader.Refused refused) {
      variableFileError(new SyntaxError(shown, refused.reason(), Location.point(shown, refused.line(), refused.column())));
      return new VariableFile.Unreadable(shown);
    }
    String text = ((SourceReader.Text) read).text();
    if (p.toString().endsWith(".json")) {
      ParseResult r = JsonLoader.parse(shown, text);
      if (r instanceof ParseResult.Failed f) {
        variableFileError(new SyntaxError(shown, "JSON syntax error: " + f.message(), f.location()));
        return new VariableFile.Unreadable(shown);
      }
      Optional<Body> attributes = TerraformJson.attributes(shown, ((ParseResult.Parsed) r).root());
      if (attributes.isEmpty()) {
        variableFileError(new SyntaxError(shown, "a JSON variable file holds one object of values", Location.point(shown, 1, 1)));
        return new VariableFile.Unreadable(shown);
      }
      return new VariableFile.Read(attributes.get());
    }
    HclParseResult r = HclParser.parse(shown, text);
    if (r instanceof HclParseResult.Failed f) {
      variableFileError(new SyntaxError(shown, "HCL syntax error: " + f.message(), f.location()));
      return new VariableFile.Unreadable(shown);
    }
    Inputs inputs = current.get();
    if (inputs != null) inputs.filesRead.add(shown);
    else filesRead.add(shown);
    return new VariableFile.Read(((HclParseResult.Parsed) r).file().body());
  }

  /** Kept with the evaluation's result when the deployment cache is in use (the loader adds it from there). */
  private void variableFileError(SyntaxError error) {
    Inputs inputs = current.get();
    if (inputs != null) inputs.syntaxErrors.add(error);
    else syntaxErrors.add(error);
  }
}
