package dev.iamlint.cli;

import dev.iamlint.cache.DiskCache;
import dev.iamlint.cache.ParseCache;
import dev.iamlint.config.Config;
import dev.iamlint.config.ConfigException;
import dev.iamlint.fix.Fix;
import dev.iamlint.fix.Fixes;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import dev.iamlint.rules.Catalog;
import dev.iamlint.scan.Baseline;
import dev.iamlint.scan.GitChanges;
import dev.iamlint.scan.Progress;
import dev.iamlint.scan.ProjectScope;
import dev.iamlint.scan.ScanRequest;
import dev.iamlint.scan.ScanResult;
import dev.iamlint.scan.Scanner;
import dev.iamlint.scan.Triage;
import dev.iamlint.source.Ignoring;
import dev.iamlint.source.InternalFailure;
import dev.iamlint.source.ProjectRoot;
import dev.iamlint.source.SourceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
    description = "Scan files and directories (default: the current directory).")
final class ScanCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The process this scan answers for (the resident server's client, or this process). */
  private final Invocation invocation;

  ScanCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Parameters(paramLabel = "PATH", description = "Files or directories to scan.", arity = "0..*")
  List<Path> paths = new ArrayList<>();

  @CommandLine.Mixin
  ReportOptions report = new ReportOptions();

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

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Judge policies as on this day (YYYY-MM-DD, UTC; default: today): a statement whose time window "
          + "(aws:CurrentTime, aws:EpochTime, aws:TokenIssueTime) is shut on that day grants nothing.")
  String asOf;

  @Option(names = "--progress",
      description = "Show a progress line on stderr from the start (by default it appears on a terminal after one second, "
          + "never in pipes, CI logs or with -q).")
  boolean progressLine;

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

  @Option(names = "--no-cache", description = "Do not read or write the parse cache ($XDG_CACHE_HOME/iamlint).")
  boolean noCache;

  @Option(names = "--fix",
      description = "Apply the certain quick fixes to the scanned files (a password-policy, login-profile or trail setting "
          + "that is missing or a literal with another value), then report what remains. A file is written only if it "
          + "still parses afterwards, lies under a scanned path and is not reached through a symbolic link. "
          + "Suppressions are never written.")
  boolean fix;

  @Option(names = "--fix-dry-run",
      description = "Print the certain quick fixes as a unified diff on stdout and write nothing; reports go only to "
          + "formats given with =FILE.")
  boolean fixDryRun;

  /** A mistake in the command line or its files: one line on stderr, exit 2. */
  private static final class CommandError extends Exception {
    CommandError(String message) {
      super(message, null, false, false);
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    InternalFailure.showStackTraces(report.debug);
    report.validate(spec);
    if (fix && fixDryRun) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--fix and --fix-dry-run exclude each other");
    }
    Path cwd = Path.of("").toAbsolutePath();
    Map<String, String> values;
    LocalDate day;
    List<Unit> units;
    Optional<Baseline> baseline;
    try {
      values = parameterValues();
      checkVariableFiles();
      List<Path> scanPaths = scanPaths(cwd);
      day = day();
      units = units(cwd, scanPaths);
      baseline = baseline();
    } catch (CommandError | GitChanges.Failure e) {
      err.println("iamlint: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    List<Judged> scanned;
    try {
      scanned = judgeAll(cwd, units, values, day, baseline, err);
      if (fix || fixDryRun) {
        FixFiles files = new FixFiles(units.stream().flatMap(u -> u.paths().stream()).toList(), err);
        List<FixFiles.Outcome> plan = files.plan(FixFiles.byFile(fixes(scanned),
            scanned.stream().flatMap(j -> j.result().sources().stream()).toList()));
        if (fixDryRun) {
          files.preview(plan, spec.commandLine().getOut());
          report.stdoutTaken = true;
        } else if (files.write(plan) > 0) {
          // What remains is judged on the files as they are now.
          scanned = judgeAll(cwd, units, values, day, baseline, err);
        }
      }
    } catch (ConfigException e) {
      err.println("iamlint: config error: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    List<Judged> judged = scanned;
    ScanResult result = ScanResult.merge(judged.stream().map(Judged::result).toList());
    // Only SARIF carries fixes: other runs do not spend time on them.
    if (report.formats.stream().anyMatch(f -> f.name().equals("sarif"))) report.fixes = fixes(judged);
    RuleSelector selector = report.selector();
    List<RuleMetadata> enabled = Catalog.all().stream()
        .filter(m -> judged.stream().anyMatch(j -> Triage.reports(m, selector, j.options()))).toList();
    // The lowest severity that fails is that of the project the finding belongs to.
    return report.finish(spec, result, enabled, units.get(0).root(), cwd, f -> judged.stream()
        .filter(j -> j.unit().holds(cwd, f.location().file())).map(Judged::failOn).findFirst().orElse(judged.get(0).failOn()), invocation);
  }

  /** The CloudFormation parameter values: the parameter files in order, then each --parameter. */
  private Map<String, String> parameterValues() throws CommandError {
    Map<String, String> values = new LinkedHashMap<>();
    for (Path file : parameterFiles) {
      try {
        values.putAll(ParameterFile.read(file));
      } catch (IOException | IllegalArgumentException e) {
        throw new CommandError("cannot read parameter file: " + e.getMessage());
      }
    }
    values.putAll(parameters);
    return values;
  }

  /** A variable file that cannot be read is a mistake in the command, as with --parameter-file. */
  private void checkVariableFiles() throws CommandError {
    for (Path file : variableFiles) {
      if (SourceReader.UNCONFINED.read(file, SourceReader.Encoding.UTF8) instanceof SourceReader.Refused refused) {
        throw new CommandError("cannot read variable file: " + file + ": " + refused.reason());
      }
    }
  }

  /**
   * The paths to scan (the current directory when none is given). A path that is not there is a
   * mistake in the command (a typo, a stale script): exit 2, not a clean run over nothing; a FIFO
   * or a device would never be read (reading one may never end), and is said so the same way.
   */
  private List<Path> scanPaths(Path cwd) throws CommandError {
    List<Path> scanPaths = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    List<String> wrong = new ArrayList<>();
    for (Path p : scanPaths) {
      if (!Files.exists(cwd.resolve(p), LinkOption.NOFOLLOW_LINKS)) wrong.add(p + ": no such file or directory");
    }
    if (wrong.isEmpty()) {
      for (Path p : scanPaths) {
        Path at = cwd.resolve(p);
        if (Files.exists(at) && !Files.isDirectory(at) && !Files.isRegularFile(at)) wrong.add(p + ": not a regular file or directory");
      }
    }
    if (!wrong.isEmpty()) throw new CommandError(String.join(System.lineSeparator() + "iamlint: ", wrong));
    return scanPaths;
  }

  private Optional<Baseline> baseline() throws CommandError {
    try {
      return report.baseline();
    } catch (IOException e) {
      throw new CommandError("cannot read baseline: " + e.getMessage());
    }
  }

  /** The day the scan judges: --as-of, else today. */
  private LocalDate day() throws CommandError {
    if (asOf == null) return ScanOptions.today();
    try {
      return LocalDate.parse(asOf.trim());
    } catch (DateTimeParseException e) {
      throw new CommandError("--as-of: '" + asOf + "' is not a date (YYYY-MM-DD)");
    }
  }

  /** Each project's share of the paths judged against that project, with its own config. */
  private List<Judged> judgeAll(Path cwd, List<Unit> units, Map<String, String> values, LocalDate day,
      Optional<Baseline> baseline, PrintWriter err) throws ConfigException {
    List<Judged> judged = new ArrayList<>();
    Progress progress = new Progress();
    Optional<Thread> line = startProgressLine(progress, err);
    try {
      for (Unit unit : units) judged.add(judge(cwd, unit, values, day, baseline, err, progress));
    } finally {
      line.ifPresent(ScanCommand::stopProgressLine);
    }
    return judged;
  }

  /**
   * The certain fixes of the reported findings (never of one that is suppressed or in the
   * baseline), each computed with its project's rule settings.
   */
  private static Map<Finding, List<Fix>> fixes(List<Judged> judged) {
    Map<Finding, List<Fix>> out = new LinkedHashMap<>();
    for (Judged j : judged) out.putAll(Fixes.certainFixes(j.result().findings(), j.result().sources(), j.options()));
    return out;
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
  private Judged judge(Path cwd, Unit unit, Map<String, String> values, LocalDate day, Optional<Baseline> baseline,
      PrintWriter err, Progress progress) throws ConfigException {
    Config config = config(cwd, unit);
    // Flags can only switch a setting on.
    ScanOptions options = new ScanOptions(accountBaseline || config.accountBaseline().orElse(false),
        cloudTrailExternal || config.externalCloudTrail().orElse(false), report.reportUnknown(config), config.rules(),
        config.accountId(), Optional.of(day));
    List<Path> varFiles = variableFiles.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    ScanRequest request = report.request(cwd, unit.paths(), values, variables, varFiles, partition, options, config, invocation)
        .withCache(noCache ? ParseCache.NONE
            : DiskCache.fromEnvironment(invocation.environment(), Version.current(), report.debug ? m -> err.println("iamlint: " + m) : m -> {}));
    request = request.withProjectRoot(unit.root()).withBaseline(baseline);
    if (unit.scope().isPresent()) request = request.withScope(unit.scope().get());
    if (noIgnore) request = request.withIgnoring(Ignoring.NOTHING);
    ScanResult result = new Scanner(progress).scan(request);
    if (report.debug) err.println("iamlint: time: " + progress.times());
    request.cache().trim();
    return new Judged(unit, result, options, report.failOn(config));
  }

  /**
   * The progress line: on stderr, redrawn in place, on a terminal once the scan has taken a
   * second (never in a pipe, a CI log or with -q); from the start with --progress. It is cleared
   * before anything else is printed.
   */
  private Optional<Thread> startProgressLine(Progress progress, PrintWriter err) {
    boolean terminal = invocation.terminal() && !invocation.environment().containsKey("CI") && !report.quiet;
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
      GitChanges.Changes changes = GitChanges.since(start, changedSince, changedLines, invocation.environment());
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

  /** The config named with -c, else the nearest .iamlint.yaml at or above the directory holding the scan paths. */
  private Config config(Path cwd, Unit unit) throws ConfigException {
    List<Path> scanPaths = unit.paths().isEmpty() ? List.of(unit.root().orElse(cwd)) : unit.paths();
    // From the directory that holds every scanned path, as the project root is found: the order in
    // which pre-commit passes files of two folders must not decide whose config applies.
    List<Path> absolute = scanPaths.stream().map(p -> cwd.resolve(p).normalize()).toList();
    Path start = ProjectRoot.commonDirectory(absolute).orElseGet(() -> startOf(cwd, scanPaths.get(0)));
    return report.config(cwd, start);
  }

  private static Path startOf(Path cwd, Path scanPath) {
    Path abs = cwd.resolve(scanPath).normalize();
    return Files.isDirectory(abs) || abs.getParent() == null ? abs : abs.getParent();
  }

}
