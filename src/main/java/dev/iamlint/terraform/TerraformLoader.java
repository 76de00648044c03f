package dev.iamlint.terraform;

import dev.iamlint.cache.ParseCache;
import dev.iamlint.hcl.Body;
import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.json.JsonLoader;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.source.InternalFailure;
import dev.iamlint.source.Location;
import dev.iamlint.source.SourceReader;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
  private final Map<Path, Optional<ModuleConfig>> modules = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<SyntaxError> syntaxErrors = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Set<String> filesRead = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Map<String, String> sources = new java.util.concurrent.ConcurrentHashMap<>();
  private final Path realRoot;
  private final ParseCache cache;
  /** Every file is read through it: the limits are discovery's, whichever path leads to a file. */
  private final SourceReader reader;

  public TerraformLoader(Path root, Function<Path, String> display, Options options) {
    this(root, display, options, ParseCache.NONE);
  }

  /** {@code cache}: where module files' parse results are kept across runs. */
  public TerraformLoader(Path root, Function<Path, String> display, Options options, ParseCache cache) {
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
    this.reader = SourceReader.confinedTo(this.root);
  }

  /** Evaluates the modules in {@code directories} (module directories found by discovery). */
  public Result load(List<Path> directories) {
    ModelBuilder model = new ModelBuilder();
    List<Path> dirs = directories.stream().map(d -> d.toAbsolutePath().normalize()).distinct().sorted().toList();
    // Parsing is the costly part and independent per directory: do it on the cores asked for first.
    parseAll(dirs);
    // Roots: directories no other scanned directory calls; then any left unreached (a cycle).
    Map<Path, Set<Path>> calls = new HashMap<>();
    Set<Path> called = new HashSet<>();
    for (Path dir : dirs) {
      Set<Path> targets = localCalls(dir);
      calls.put(dir, targets);
      targets.stream().filter(t -> !t.equals(dir)).forEach(called::add);
    }
    List<Path> roots = new ArrayList<>(dirs.stream().filter(d -> !called.contains(d)).toList());
    Set<Path> reached = new HashSet<>();
    List<Path> queue = new ArrayList<>(roots);
    while (!queue.isEmpty()) {
      Path d = queue.remove(0);
      if (reached.add(d)) queue.addAll(calls.getOrDefault(d, localCalls(d)));
    }
    for (Path dir : dirs) {
      if (!reached.contains(dir)) {
        roots.add(dir);
        reached.add(dir);
      }
    }
    for (Path dir : roots) {
      Optional<ModuleConfig> config = module(dir);
      if (config.isEmpty()) continue;
      // A root module iamlint fails on is not judged (said at its first file); the others are.
      ModelBuilder evaluated = new ModelBuilder();
      InternalFailure.contain(() -> {
        ModuleInstance instance = ModuleInstance.root(new LocalProject(dir), config.get());
        List<TfResource> resources = instance.resources();
        TerraformAdapter.adapt(resources, instance.documentsInUse(), Deployments.of(display(dir), config.get(), resources),
            evaluated);
        model.addAll(evaluated);
        return true;
      }, reason -> {
        String first = config.get().firstFile();
        return syntaxErrors.add(new SyntaxError(first, "module " + display(dir) + " not judged: " + reason,
            Location.point(first, 1, 1)));
      });
    }
    List<SyntaxError> errors = new ArrayList<>(syntaxErrors);
    errors.sort(java.util.Comparator.comparing(SyntaxError::file));
    return new Result(model, errors, filesRead, new java.util.TreeMap<>(sources));
  }

  /** Parses the directories on {@code options.threads()} threads. */
  private void parseAll(List<Path> dirs) {
    dev.iamlint.source.Parallel.map(options.threads(), "iamlint-parse", dirs, this::module);
  }

  private Set<Path> localCalls(Path dir) {
    Set<Path> targets = new HashSet<>();
    module(dir).ifPresent(config -> {
      for (ModuleConfig.Decl call : config.moduleCalls().values()) {
        ModuleConfig.attribute(call.block(), "source")
            .filter(e -> e instanceof dev.iamlint.hcl.Expression.Template)
            .flatMap(e -> ((dev.iamlint.hcl.Expression.Template) e).literal())
            .filter(s -> s.startsWith("./") || s.startsWith("../"))
            .ifPresent(s -> targets.add(dir.resolve(s).normalize()));
      }
    });
    return targets;
  }

  // ---- reading modules ----

  public Optional<ModuleConfig> module(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    return modules.computeIfAbsent(dir, this::read);
  }

  private Optional<ModuleConfig> read(Path dir) {
    if (!inside(dir) || !Files.isDirectory(dir)) return Optional.empty();
    List<ModuleConfig.File> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.sorted(Comparator.comparing(Path::toString)).toList()) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean hcl = name.endsWith(".tf") || name.endsWith(".tofu");
        boolean json = name.endsWith(".tf.json") || name.endsWith(".tofu.json");
        // Not a regular file (a FIFO named main.tf): refused by the reader, and said so.
        if ((!hcl && !json) || Files.isDirectory(p) || !inside(p)) continue;
        String shown = display.apply(p);
        InternalFailure.contain(() -> parse(p, json), reason -> {
          syntaxErrors.add(new SyntaxError(shown, "not judged: " + reason, Location.point(shown, 1, 1)));
          return Optional.<ModuleConfig.File>empty();
        }).ifPresent(files::add);
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    if (files.isEmpty()) return Optional.empty();
    return Optional.of(new ModuleConfig(dir, display.apply(dir), files));
  }

  private Optional<ModuleConfig.File> parse(Path p, boolean json) {
    String shown = display.apply(p);
    filesRead.add(shown);
    SourceReader.Outcome read = reader.read(p, SourceReader.Encoding.UTF8);
    if (read instanceof SourceReader.Refused refused) {
      syntaxErrors.add(new SyntaxError(shown, refused.reason(), Location.point(shown, refused.line(), refused.column())));
      return Optional.empty();
    }
    String text = ((SourceReader.Text) read).text();
    if (json) {
      ParseResult r = cache.tree(ParseCache.Syntax.JSON, shown, text, JsonLoader::parse);
      if (r instanceof ParseResult.Failed f) {
        syntaxErrors.add(new SyntaxError(shown, "JSON syntax error: " + f.message(), f.location()));
        return Optional.empty();
      }
      return TerraformJson.body(shown, ((ParseResult.Parsed) r).root()).map(b -> new ModuleConfig.File(shown, b));
    }
    sources.put(shown, text);
    HclParseResult r = cache.hcl(shown, text);
    if (r instanceof HclParseResult.Failed f) {
      syntaxErrors.add(new SyntaxError(shown, "HCL syntax error: " + f.message(), f.location()));
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

    LocalProject(Path rootModule) {
      this.rootModule = rootModule;
    }

    @Override
    public Optional<ModuleConfig> module(Path directory) {
      return TerraformLoader.this.module(directory);
    }

    @Override
    public Optional<Path> moduleSource(ModuleConfig caller, String callKey, String source) {
      if (source.startsWith("./") || source.startsWith("../")) {
        Path dir = caller.directory().resolve(source).normalize();
        return inside(dir) ? Optional.of(dir) : Optional.empty();
      }
      return InstalledModules.directory(rootModule, callKey, reader).filter(TerraformLoader.this::inside);
    }

    @Override
    public Map<String, Value> rootVariables(ModuleConfig config) {
      return Variables.rootValues(config, rootModule, options, TerraformLoader.this);
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
  }

  private final class ConfinedFiles implements FileAccess {
    private final Path dir;

    ConfinedFiles(Path dir) {
      this.dir = dir;
    }

    @Override
    public Optional<String> read(String path) {
      Path p = dir.resolve(path).normalize();
      if (!inside(p)) return Optional.empty();
      return reader.read(p, SourceReader.Encoding.UTF8) instanceof SourceReader.Text t ? Optional.of(t.text())
          : Optional.empty();
    }

    @Override
    public boolean exists(String path) {
      Path p = dir.resolve(path).normalize();
      return Files.isRegularFile(p) && inside(p);
    }

    @Override
    public Path moduleDirectory() {
      return dir;
    }

    @Override
    public Optional<String> display(String path) {
      Path p = dir.resolve(path).normalize();
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
  Optional<Body> parseVarsFile(Path p, boolean explicit) {
    // The files Terraform reads by name (terraform.tfvars...) are often absent: that is not an error.
    if ((!explicit && !inside(p)) || !Files.exists(p)) return Optional.empty();
    String shown = display.apply(p);
    SourceReader.Outcome read = (explicit ? SourceReader.UNCONFINED : reader).read(p, SourceReader.Encoding.UTF8);
    if (read instanceof SourceReader.Refused refused) {
      syntaxErrors.add(new SyntaxError(shown, refused.reason(), Location.point(shown, refused.line(), refused.column())));
      return Optional.empty();
    }
    String text = ((SourceReader.Text) read).text();
    if (p.toString().endsWith(".json")) {
      ParseResult r = JsonLoader.parse(shown, text);
      if (r instanceof ParseResult.Failed f) {
        syntaxErrors.add(new SyntaxError(shown, "JSON syntax error: " + f.message(), f.location()));
        return Optional.empty();
      }
      return TerraformJson.attributes(shown, ((ParseResult.Parsed) r).root());
    }
    HclParseResult r = HclParser.parse(shown, text);
    if (r instanceof HclParseResult.Failed f) {
      syntaxErrors.add(new SyntaxError(shown, "HCL syntax error: " + f.message(), f.location()));
      return Optional.empty();
    }
    filesRead.add(shown);
    return Optional.of(((HclParseResult.Parsed) r).file().body());
  }
}
