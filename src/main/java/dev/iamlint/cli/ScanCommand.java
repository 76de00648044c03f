package dev.iamlint.cli;

import dev.iamlint.cache.DiskCache;
import dev.iamlint.cache.ParseCache;
import dev.iamlint.config.Config;
import dev.iamlint.config.ConfigException;
import dev.iamlint.config.ConfigLoader;
import dev.iamlint.config.Globs;
import dev.iamlint.config.Ignore;
import dev.iamlint.report.Report;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import dev.iamlint.rules.Catalog;
import dev.iamlint.scan.Baseline;
import dev.iamlint.scan.GitChanges;
import dev.iamlint.scan.ProjectScope;
import dev.iamlint.source.Ignoring;
import dev.iamlint.source.InternalFailure;
import dev.iamlint.source.ProjectRoot;
import dev.iamlint.scan.ScanRequest;
import dev.iamlint.scan.ScanResult;
import dev.iamlint.scan.Scanner;
import dev.iamlint.source.SourceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
    description = "Scan files and directories (default: the current directory).")
final class ScanCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "Files or directories to scan.", arity = "0..*")
  List<Path> paths = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FMT[=FILE]", converter = OutputFormat.Converter.class,
      description = "Output format: text (default), compact, json, sarif, junit, checkstyle, github, gitlab, html, markdown. Repeatable; without =FILE it goes to stdout.")
  List<OutputFormat> formats = new ArrayList<>();

  @Option(names = "--fail-on", paramLabel = "SEV", converter = SeverityConverter.class,
      description = "Lowest severity that makes the exit code 1 (default: low, or fail_on in the config).")
  Severity failOn;

  @Option(names = "--min-severity", paramLabel = "SEV", converter = SeverityConverter.class,
      description = "Do not report findings below SEV (default: info, or min_severity in the config).")
  Severity minSeverity;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Config file (default: the nearest .iamlint.yaml from the scan root upwards, up to the repository root).")
  Path configFile;

  @Option(names = "--no-config", description = "Ignore .iamlint.yaml files.")
  boolean noConfig;

  @Option(names = "--rule", paramLabel = "ID", description = "Only these rules: ids, slugs or prefixes (CT, PWD00*).")
  List<String> rules = new ArrayList<>();

  @Option(names = "--skip-rule", paramLabel = "ID", description = "Skip these rules: ids, slugs or prefixes.")
  List<String> skipRules = new ArrayList<>();

  @Option(names = "--parameter", paramLabel = "NAME=VALUE", description = "CloudFormation parameter value.")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(names = "--parameter-file", paramLabel = "FILE",
      description = "CloudFormation parameters: a JSON list of {ParameterKey, ParameterValue} or a {Name: Value} map.")
  List<Path> parameterFiles = new ArrayList<>();

  @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Terraform variable value, as terraform plan takes it.")
  Map<String, String> variables = new LinkedHashMap<>();

  @Option(names = "--var-file", paramLabel = "FILE", description = "Terraform variable file (.tfvars or .tfvars.json).")
  List<Path> variableFiles = new ArrayList<>();

  @Option(names = "--partition", paramLabel = "NAME", description = "Value of AWS::Partition (default: aws).")
  String partition = "aws";

  @Option(names = "--account-baseline", description = "Treat the scan as an account baseline (project-level rules).")
  boolean accountBaseline;

  @Option(names = "--cloudtrail-external", description = "An organization trail is managed elsewhere (turns CT001 off).")
  boolean cloudTrailExternal;

  @Option(names = "--report-unknown",
      description = "Also report, at info, checks that could not be decided because a value is unknown, with the reason.")
  boolean reportUnknown;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Judge policies as on this day (YYYY-MM-DD, UTC; default: today): a statement whose time window "
          + "(aws:CurrentTime, aws:EpochTime, aws:TokenIssueTime) is shut on that day grants nothing.")
  String asOf;

  @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings that are not in this baseline.")
  Path baselineFile;

  @Option(names = "--write-baseline", paramLabel = "FILE",
      description = "Write the current findings as the baseline and exit 0.")
  Path writeBaselineFile;

  @Option(names = "--show-suppressed",
      description = "Also list suppressed findings (and those in the baseline) with their reason; they never fail the run.")
  boolean showSuppressed;

  @Option(names = "--no-color", description = "No colour in text output (also when NO_COLOR is set).")
  boolean noColor;

  /** When the text report on stdout is coloured. */
  enum ColorWhen { auto, always, never }

  @Option(names = "--color", paramLabel = "WHEN",
      description = "Colour the text report on stdout: auto (default: on a terminal, unless NO_COLOR is set), always "
          + "(a CI log that renders colours), never.")
  ColorWhen colorWhen = ColorWhen.auto;

  @Option(names = "--progress",
      description = "Show a progress line on stderr from the start (by default it appears on a terminal after one second, "
          + "never in pipes, CI logs or with -q).")
  boolean progressLine;

  @Option(names = {"-q", "--quiet"}, description = "Text output: findings only, no summary.")
  boolean quiet;

  @Option(names = "--project-root", paramLabel = "DIR",
      description = "The project a partial scan is judged against (default: the nearest directory upwards holding "
          + ".git or .iamlint.yaml). The whole project is read; only the scanned paths are reported.")
  Path projectRoot;

  @Option(names = "--changed-since", paramLabel = "REF",
      description = "Report only findings in files changed since the merge base of REF and HEAD (committed, staged, "
          + "unstaged or untracked), judged against the whole project. Needs git.")
  String changedSince;

  @Option(names = "--changed-lines",
      description = "With --changed-since: only findings whose location meets a changed line.")
  boolean changedLines;

  @Option(names = "--no-ignore",
      description = "Also scan what .gitignore files and the default build folders (.terraform, node_modules, ...) exclude.")
  boolean noIgnore;

  @Option(names = "--threads", paramLabel = "N", description = "Files loaded in parallel (default: number of cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--no-cache", description = "Do not read or write the parse cache ($XDG_CACHE_HOME/iamlint).")
  boolean noCache;

  @Option(names = "--debug", description = "Show stack traces of internal errors, the time of each stage and what the cache did.")
  boolean debug;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    InternalFailure.showStackTraces(debug);
    long onStdout = formats.stream().filter(f -> f.file().isEmpty()).count();
    if (onStdout > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "at most one format can go to stdout; give the others =FILE");
    }
    if (formats.isEmpty()) formats.add(new OutputFormat("text", java.util.Optional.empty()));
    for (String pattern : concat(rules, skipRules)) {
      if (Catalog.all().stream().noneMatch(m -> new RuleSelector(List.of(pattern), List.of()).selects(m))) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no rule matches '" + pattern + "' (see 'iamlint rules')");
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Path file : parameterFiles) {
      try {
        values.putAll(ParameterFile.read(file));
      } catch (IOException | IllegalArgumentException e) {
        err.println("iamlint: cannot read parameter file: " + e.getMessage());
        return ExitCodes.ERROR;
      }
    }
    values.putAll(parameters);
    // A variable file that cannot be read is a mistake in the command, as with --parameter-file.
    for (Path file : variableFiles) {
      if (SourceReader.UNCONFINED.read(file, SourceReader.Encoding.UTF8) instanceof SourceReader.Refused refused) {
        err.println("iamlint: cannot read variable file: " + file + ": " + refused.reason());
        return ExitCodes.ERROR;
      }
    }

    Path cwd = Path.of("").toAbsolutePath();
    List<Path> scanPaths = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    // A path that is not there is a mistake in the command (a typo, a stale script): exit 2, not
    // a clean run over nothing.
    List<Path> missing = scanPaths.stream()
        .filter(p -> !Files.exists(cwd.resolve(p), java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
    if (!missing.isEmpty()) {
      missing.forEach(p -> err.println("iamlint: " + p + ": no such file or directory"));
      return ExitCodes.ERROR;
    }
    // A FIFO or a device would never be read (reading one may never end): say so, as for a missing path.
    List<Path> special = scanPaths.stream()
        .filter(p -> Files.exists(cwd.resolve(p)) && !Files.isDirectory(cwd.resolve(p)) && !Files.isRegularFile(cwd.resolve(p)))
        .toList();
    if (!special.isEmpty()) {
      special.forEach(p -> err.println("iamlint: " + p + ": not a regular file or directory"));
      return ExitCodes.ERROR;
    }
    java.time.LocalDate day = ScanOptions.today();
    if (asOf != null) {
      try {
        day = java.time.LocalDate.parse(asOf.trim());
      } catch (java.time.format.DateTimeParseException e) {
        err.println("iamlint: --as-of: '" + asOf + "' is not a date (YYYY-MM-DD)");
        return ExitCodes.ERROR;
      }
    }
    List<Unit> units;
    try {
      units = units(cwd, scanPaths);
    } catch (GitChanges.Failure e) {
      err.println("iamlint: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    Optional<Baseline> baseline = Optional.empty();
    if (baselineFile != null) {
      try {
        baseline = Optional.of(Baseline.read(baselineFile));
      } catch (IOException e) {
        err.println("iamlint: cannot read baseline: " + e.getMessage());
        return ExitCodes.ERROR;
      }
    }
    // Each project's share of the paths is judged against that project, with its own config.
    List<Judged> judged = new ArrayList<>();
    dev.iamlint.scan.Progress progress = new dev.iamlint.scan.Progress();
    Optional<Thread> line = startProgressLine(progress, err);
    try {
      for (Unit unit : units) {
        try {
          judged.add(judge(cwd, unit, values, day, err, progress));
        } catch (ConfigException e) {
          err.println("iamlint: config error: " + e.getMessage());
          return ExitCodes.ERROR;
        }
      }
    } finally {
      line.ifPresent(ScanCommand::stopProgressLine);
    }
    ScanResult result = merge(judged.stream().map(Judged::result).toList());
    RuleSelector selector = new RuleSelector(rules, skipRules);
    if (writeBaselineFile != null) {
      // A file that does not parse is never accepted: it would hide everything in it for good.
      List<Finding> accepted = result.findings().stream().filter(f -> !f.ruleId().equals("SYN001")).toList();
      try {
        Baseline.write(writeBaselineFile, accepted);
      } catch (IOException e) {
        err.println("iamlint: cannot write the baseline " + writeBaselineFile + ": " + reason(e));
        return ExitCodes.ERROR;
      }
      err.println("iamlint: wrote " + accepted.size() + " findings to the baseline " + writeBaselineFile);
      for (String internal : result.internalErrors()) err.println("iamlint: internal error: " + internal);
      return result.internalErrors().isEmpty() ? ExitCodes.CLEAN : ExitCodes.ERROR;
    }
    // Findings in the baseline are accepted: hidden like suppressed ones.
    List<Finding> active = new ArrayList<>();
    List<Finding> hidden = new ArrayList<>(result.suppressed());
    for (Finding f : result.findings()) {
      Optional<Finding> accepted = f.ruleId().equals("SYN001") ? Optional.empty()
          : baseline.flatMap(b -> b.accept(f, baselineFile.toString()));
      if (accepted.isPresent()) hidden.add(accepted.get());
      else active.add(f);
    }
    List<Finding> shown = new ArrayList<>(active);
    if (showSuppressed) shown.addAll(hidden);
    shown.sort(Scanner.ORDER);

    List<RuleMetadata> enabled = Catalog.all().stream().filter(selector::selects)
        .filter(m -> judged.stream().anyMatch(j -> j.options().settings(m.id()).enabled().orElse(true))).toList();
    Report report = new Report(Version.current(), shown, result.files(), result.resources(),
        result.errors(), enabled);
    for (OutputFormat format : formats) {
      StringWriter buffer = new StringWriter();
      boolean onTerminal = !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
      boolean color = format.file().isEmpty() && format.name().equals("text") && switch (colorWhen) {
        case always -> !noColor;
        case never -> false;
        case auto -> onTerminal;
      };
      format.reporter(color, fromProjectRoot(cwd, units.get(0).root()), System.getenv(), cwd,
          repositoryRoot(units.get(0).root()).orElse(cwd)).write(quiet && format.name().equals("text") ? withoutSummary(report) : report, buffer);
      String text = quiet && format.name().equals("text") ? stripSummary(buffer.toString()) : buffer.toString();
      if (format.file().isPresent()) {
        Path target = format.file().get();
        try {
          if (target.toAbsolutePath().getParent() != null) Files.createDirectories(target.toAbsolutePath().getParent());
          try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write(text);
          }
        } catch (IOException e) {
          err.println("iamlint: cannot write the " + format.name() + " report to " + target + ": " + reason(e));
          return ExitCodes.ERROR;
        }
      } else {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        // A print stream keeps its failures to itself: a full disk would lose the report unsaid.
        if (out.checkError()) {
          err.println("iamlint: cannot write the report to standard output (is the disk full or the pipe closed?)");
          return ExitCodes.ERROR;
        }
      }
    }
    // Errors go to stderr too, unless a text report on stdout already listed them.
    boolean textOnStdout = formats.stream().anyMatch(f -> f.file().isEmpty() && f.name().equals("text"));
    if (!textOnStdout) {
      result.errors().forEach(e -> err.println("iamlint: " + e.file() + ": " + e.message()));
    }
    for (String internal : result.internalErrors()) err.println("iamlint: internal error: " + internal);
    if (!result.internalErrors().isEmpty()) return ExitCodes.ERROR;
    for (Finding f : active) {
      // The lowest severity that fails is that of the project the finding belongs to.
      Severity failOnLevel = judged.stream().filter(j -> j.unit().holds(cwd, f.location().file())).map(Judged::failOn)
          .findFirst().orElse(judged.get(0).failOn());
      if (f.severity().atLeast(failOnLevel)) return ExitCodes.FINDINGS;
    }
    return ExitCodes.CLEAN;
  }

  /**
   * A project's share of the scanned paths: {@code root} is its project root (none for paths in
   * no project), {@code scope} what a partial scan of it reports.
   */
  private record Unit(List<Path> paths, Optional<Path> root, Optional<ProjectScope> scope) {
    boolean holds(Path cwd, String display) {
      Path abs = cwd.resolve(display).normalize();
      return scope.map(s -> s.covers(abs)).orElseGet(() -> paths.stream().anyMatch(abs::startsWith));
    }
  }

  /** A unit scanned: its result and the settings its config gave. */
  private record Judged(Unit unit, ScanResult result, ScanOptions options, Severity failOn) {}

  /** One unit scanned with its own config (or the one named with -c). */
  private Judged judge(Path cwd, Unit unit, Map<String, String> values, java.time.LocalDate day, PrintWriter err,
      dev.iamlint.scan.Progress progress) throws ConfigException {
    Config config = config(cwd, unit);
    // The command line wins over the config file; flags can only switch a setting on.
    Severity failOnLevel = failOn != null ? failOn : config.failOn().orElse(Severity.LOW);
    Severity minLevel = minSeverity != null ? minSeverity : config.minSeverity().orElse(Severity.INFO);
    ScanOptions options = new ScanOptions(accountBaseline || config.accountBaseline().orElse(false),
        cloudTrailExternal || config.externalCloudTrail().orElse(false),
        reportUnknown || config.reportUnknown().orElse(false), config.rules(), config.accountId(), day);
    // Globs in the config are relative to the directory of the config file.
    Path base = config.file().map(f -> f.toAbsolutePath().normalize().getParent()).orElse(cwd);
    List<java.util.regex.Pattern> excludes = config.exclude().stream().map(g -> Globs.compile(Globs.under(base, g))).toList();
    List<Ignore> ignores = config.ignore().stream().map(i -> new Ignore(i.rules(), i.path().map(g -> Globs.under(base, g)),
        i.resource(), i.reason(), i.until(), i.at())).toList();
    RuleSelector selector = new RuleSelector(rules, skipRules);
    List<Path> varFiles = variableFiles.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    ScanRequest request = new ScanRequest(cwd, unit.paths(), values, variables, varFiles, System.getenv(), partition,
        selector, minLevel, options, p -> excludes.stream().anyMatch(g -> Globs.matches(g, p)), Math.max(1, threads),
        ignores, config.requireReason()).withCache(noCache ? ParseCache.NONE
            : DiskCache.fromEnvironment(System.getenv(), Version.current(), debug ? m -> err.println("iamlint: " + m) : m -> {}));
    if (unit.scope().isPresent()) request = request.withScope(unit.scope().get());
    if (noIgnore) request = request.withIgnoring(Ignoring.NOTHING);
    ScanResult scanned = new Scanner(progress).scan(request);
    if (debug) err.println("iamlint: time: " + progress.times());
    request.cache().trim();
    // Fingerprints (and so baselines) name files relative to the project root, not to where iamlint runs.
    java.util.function.UnaryOperator<String> inProject = projectPath(cwd, unit.root());
    ScanResult result = scanned.map(f -> f.inProject(inProject.apply(f.resource().file())));
    return new Judged(unit, result, options, failOnLevel);
  }

  /**
   * The progress line: on stderr, redrawn in place, on a terminal once the scan has taken a
   * second (never in a pipe, a CI log or with -q); from the start with --progress. It is cleared
   * before anything else is printed.
   */
  private Optional<Thread> startProgressLine(dev.iamlint.scan.Progress progress, PrintWriter err) {
    boolean terminal = System.console() != null && System.getenv("CI") == null && !quiet;
    if (!progressLine && !terminal) return Optional.empty();
    long start = System.nanoTime();
    long delay = progressLine ? 250 : 1000;
    // Asked for: drawn at once, so that even a scan shorter than a redraw shows (and clears) it.
    int first = progressLine ? draw(err, progress.line(0), 0) : 0;
    Thread t = new Thread(() -> {
      int width = first;
      try {
        Thread.sleep(delay);
        while (!Thread.currentThread().isInterrupted()) {
          width = draw(err, progress.line((System.nanoTime() - start) / 1_000_000), width);
          Thread.sleep(250);
        }
      } catch (InterruptedException e) {
        // Asked to stop: the scan is over.
      } finally {
        if (width > 0) {
          err.print("\r" + " ".repeat(width) + "\r");
          err.flush();
        }
      }
    }, "iamlint-progress");
    t.setDaemon(true);
    t.start();
    return Optional.of(t);
  }

  /** Draws {@code text} over a line of {@code width}; the width now drawn. */
  private static int draw(PrintWriter err, String text, int width) {
    err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
    err.flush();
    return Math.max(width, text.length());
  }

  private static void stopProgressLine(Thread t) {
    t.interrupt();
    try {
      t.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The units' results as one: findings in the report's order, counts added up. */
  private static ScanResult merge(List<ScanResult> results) {
    if (results.size() == 1) return results.get(0);
    List<Finding> findings = new ArrayList<>();
    List<Finding> suppressed = new ArrayList<>();
    List<dev.iamlint.source.FileError> errors = new ArrayList<>();
    List<String> internal = new ArrayList<>();
    int files = 0;
    int resources = 0;
    for (ScanResult r : results) {
      findings.addAll(r.findings());
      suppressed.addAll(r.suppressed());
      errors.addAll(r.errors());
      internal.addAll(r.internalErrors());
      files += r.files();
      resources += r.resources();
    }
    findings.sort(Scanner.ORDER);
    suppressed.sort(Scanner.ORDER);
    errors.sort(java.util.Comparator.comparing(dev.iamlint.source.FileError::file));
    return new ScanResult(findings, files, resources, errors, internal, suppressed);
  }

  /**
   * The scanned paths as projects' shares, each judged against its whole project: the paths
   * grouped by their project root (the nearest .git or .iamlint.yaml above each, or
   * --project-root), or the files changed since --changed-since among them. A share that covers
   * its whole project, or paths in no project, are scanned as they are.
   */
  private List<Unit> units(Path cwd, List<Path> scanPaths) throws GitChanges.Failure {
    List<Path> absolute = scanPaths.stream().map(p -> cwd.resolve(p).normalize()).toList();
    Optional<Path> explicit = projectRoot != null ? resolveRoot(cwd, scanPaths, absolute) : Optional.empty();
    if (changedLines && changedSince == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--changed-lines needs --changed-since REF");
    }
    Map<Optional<Path>, List<Path>> groups = new LinkedHashMap<>();
    if (changedSince != null) {
      Optional<Path> common = explicit.or(() -> ProjectRoot.find(absolute));
      Path start = common.orElseGet(() -> ProjectRoot.commonDirectory(absolute).orElse(cwd));
      GitChanges.Changes changes = GitChanges.since(start, changedSince, changedLines);
      for (Path f : changes.files()) {
        if (absolute.stream().noneMatch(f::startsWith) || explicit.filter(r -> !ProjectRoot.contains(r, f)).isPresent()) {
          continue;
        }
        Path root = explicit.or(() -> ProjectRoot.find(List.of(f))).orElse(changes.toplevel());
        groups.computeIfAbsent(Optional.of(root), k -> new ArrayList<>()).add(f);
      }
      // Nothing changed: an empty report of the project.
      if (groups.isEmpty()) groups.put(Optional.of(common.orElse(changes.toplevel())), new ArrayList<>());
      List<Unit> units = new ArrayList<>();
      for (Map.Entry<Optional<Path>, List<Path>> g : groups.entrySet()) {
        Path root = g.getKey().orElseThrow();
        units.add(new Unit(g.getValue(), g.getKey(), Optional.of(new ProjectScope(root, g.getValue(), changes.lines()))));
      }
      return units;
    }
    for (Path p : absolute) {
      groups.computeIfAbsent(explicit.isPresent() ? explicit : ProjectRoot.find(List.of(p)), k -> new ArrayList<>()).add(p);
    }
    List<Unit> units = new ArrayList<>();
    for (Map.Entry<Optional<Path>, List<Path>> g : groups.entrySet()) {
      Optional<ProjectScope> scope = g.getKey().filter(root -> !ProjectRoot.coveredBy(root, g.getValue()))
          .map(root -> ProjectScope.of(root, g.getValue()));
      units.add(new Unit(g.getValue(), g.getKey(), scope));
    }
    return units;
  }

  /** The project root: --project-root (checked), else the nearest marked directory. */
  private Optional<Path> resolveRoot(Path cwd, List<Path> scanPaths, List<Path> absolute) {
    Optional<Path> root;
    if (projectRoot != null) {
      Path r = cwd.resolve(projectRoot).normalize();
      if (!Files.isDirectory(r)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--project-root: " + projectRoot + " is not a directory");
      }
      for (int i = 0; i < absolute.size(); i++) {
        if (!ProjectRoot.contains(r, absolute.get(i))) {
          throw new CommandLine.ParameterException(spec.commandLine(), scanPaths.get(i) + " lies outside the project root "
              + projectRoot);
        }
      }
      root = Optional.of(r);
    } else {
      root = ProjectRoot.find(absolute);
    }
    return root;
  }

  /** A display path (relative to the working directory, or absolute) relative to the project root, when it lies under it. */
  private static java.util.function.UnaryOperator<String> projectPath(Path cwd, Optional<Path> projectRoot) {
    return display -> {
      if (projectRoot.isEmpty()) return display;
      Path abs = cwd.resolve(display).normalize();
      return abs.startsWith(projectRoot.get()) ? projectRoot.get().relativize(abs).toString().replace('\\', '/') : display;
    };
  }

  /**
   * A display path (relative to the working directory, or absolute) as the repository names it:
   * relative to the git top level holding the project root, else to the project root. Links in
   * summaries resolve against the repository (a blob URL), even when a config file below the
   * git root marks the project.
   */
  private static java.util.function.UnaryOperator<String> fromProjectRoot(Path cwd, Optional<Path> projectRoot) {
    Optional<Path> root = repositoryRoot(projectRoot);
    return display -> {
      if (root.isEmpty()) return display;
      Path abs = cwd.resolve(display).normalize();
      return abs.startsWith(root.get()) ? root.get().relativize(abs).toString().replace('\\', '/') : display;
    };
  }

  /** The git top level holding the project root, else the project root (SARIF's %SRCROOT%). */
  private static Optional<Path> repositoryRoot(Optional<Path> projectRoot) {
    return projectRoot.map(r -> {
      for (Path d = r; d != null; d = d.getParent()) {
        if (Files.exists(d.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) return d;
      }
      return r;
    });
  }

  /** The config named with -c, else the nearest .iamlint.yaml at or above the directory holding the scan paths. */
  private Config config(Path cwd, Unit unit) throws ConfigException {
    if (noConfig) return Config.NONE;
    List<Path> scanPaths = unit.paths().isEmpty() ? List.of(unit.root().orElse(cwd)) : unit.paths();
    // From the directory that holds every scanned path, as the project root is found: the order in
    // which pre-commit passes files of two folders must not decide whose config applies.
    List<Path> absolute = scanPaths.stream().map(p -> cwd.resolve(p).normalize()).toList();
    Path start = ProjectRoot.commonDirectory(absolute).orElseGet(() -> startOf(cwd, scanPaths.get(0)));
    Optional<Path> file = configFile != null ? Optional.of(configFile) : ConfigLoader.find(start);
    if (file.isEmpty()) return Config.NONE;
    Path abs = file.get().toAbsolutePath().normalize();
    String display = abs.startsWith(cwd) ? cwd.relativize(abs).toString().replace('\\', '/') : abs.toString();
    return ConfigLoader.load(abs, display, Catalog.all());
  }

  private static Path startOf(Path cwd, Path scanPath) {
    Path abs = cwd.resolve(scanPath).normalize();
    return Files.isDirectory(abs) || abs.getParent() == null ? abs : abs.getParent();
  }

  private static Report withoutSummary(Report r) {
    return r;
  }

  /** The text format's last line is the summary. */
  private static String stripSummary(String text) {
    String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    int nl = trimmed.lastIndexOf('\n');
    return nl < 0 ? "" : trimmed.substring(0, nl + 1);
  }

  /** Why a file could not be written, in words (the exceptions' own names are Java's). */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof FileAlreadyExistsException f) return f.getFile() + " is not a directory";
    if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
    return e.getMessage() == null ? "input/output error" : e.getMessage();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
