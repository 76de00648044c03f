package dev.iamlint.cli;

import dev.iamlint.config.Config;
import dev.iamlint.config.ConfigException;
import dev.iamlint.config.ConfigLoader;
import dev.iamlint.config.Globs;
import dev.iamlint.config.Ignore;
import dev.iamlint.fix.Fix;
import dev.iamlint.report.Report;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import dev.iamlint.rules.Catalog;
import dev.iamlint.scan.Baseline;
import dev.iamlint.scan.ScanRequest;
import dev.iamlint.scan.ScanResult;
import dev.iamlint.scan.Scanner;
import dev.iamlint.scan.Triage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * What {@code scan} and {@code review} share: the options that choose rules, severities, config,
 * baseline and outputs, and the last step of both (baseline, formats, exit code).
 */
final class ReportOptions {
  /**
   * Whether reports may quote the reported files' lines (html). A review's files are account
   * exports, which may hold passwords or keys in any column: they are never quoted.
   */
  boolean quotesSource = true;

  /** The certain fixes of the findings, which SARIF carries. */
  Map<Finding, List<Fix>> fixes = Map.of();

  /** Whether stdout already holds something else (the diff of --fix-dry-run): a format without =FILE is then not written. */
  boolean stdoutTaken;

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

  @Option(names = "--rule", paramLabel = "ID", split = ",",
      description = "Only these rules: ids, slugs or prefixes (CT, PWD00*); repeat the option or separate with commas.")
  List<String> rules = new ArrayList<>();

  @Option(names = "--skip-rule", paramLabel = "ID", split = ",",
      description = "Skip these rules: ids, slugs or prefixes; repeat the option or separate with commas.")
  List<String> skipRules = new ArrayList<>();

  @Option(names = "--report-unknown",
      description = "Also report, at info, checks that could not be decided because a value is unknown, with the reason.")
  boolean reportUnknown;

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

  @Option(names = {"-q", "--quiet"}, description = "Text output: findings only, no summary.")
  boolean quiet;

  @Option(names = "--threads", paramLabel = "N", description = "Files loaded in parallel (default: number of cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--debug", description = "Show stack traces of internal errors, the time of each stage and what the cache did.")
  boolean debug;

  /** Checks what can be checked before anything is read: one format on stdout, rule patterns that match. */
  void validate(CommandLine.Model.CommandSpec spec) {
    long onStdout = formats.stream().filter(f -> f.file().isEmpty()).count();
    if (onStdout > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "at most one format can go to stdout; give the others =FILE");
    }
    if (formats.isEmpty()) formats.add(new OutputFormat("text", Optional.empty()));
    List<String> patterns = new ArrayList<>(rules);
    patterns.addAll(skipRules);
    for (String pattern : patterns) {
      if (Catalog.all().stream().noneMatch(m -> new RuleSelector(List.of(pattern), List.of()).selects(m))) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no rule matches '" + pattern + "' (see 'iamlint rules')");
      }
    }
  }

  RuleSelector selector() {
    return new RuleSelector(rules, skipRules);
  }

  /** The config named with -c, else the nearest .iamlint.yaml at or above {@code start}; none with --no-config. */
  Config config(Path cwd, Path start) throws ConfigException {
    if (noConfig) return Config.NONE;
    Optional<Path> file = configFile != null ? Optional.of(configFile) : ConfigLoader.find(start);
    if (file.isEmpty()) return Config.NONE;
    Path abs = file.get().toAbsolutePath().normalize();
    String display = abs.startsWith(cwd) ? cwd.relativize(abs).toString().replace('\\', '/') : abs.toString();
    return ConfigLoader.load(abs, display, Catalog.all());
  }

  // The command line wins over the config file; flags can only switch a setting on.

  /** The lowest severity that fails the run: --fail-on, else the config's fail_on, else low. */
  Severity failOn(Config config) {
    return failOn != null ? failOn : config.failOn().orElse(Severity.LOW);
  }

  /** Whether undecided checks are reported: --report-unknown or the config's report_unknown. */
  boolean reportUnknown(Config config) {
    return reportUnknown || config.reportUnknown().orElse(false);
  }

  /**
   * What {@code scan} and {@code review} ask of {@code paths} under {@code config}: the rule
   * selection; the minimum severity (--min-severity, else the config's, else info); the
   * config's excluded paths and ignore entries, whose globs are relative to the config file's
   * directory; whether a suppression needs a reason. The Terraform and CloudFormation inputs are
   * the scan's (none for a review).
   */
  ScanRequest request(Path cwd, List<Path> paths, Map<String, String> parameters, Map<String, String> variables,
      List<Path> variableFiles, String partition, ScanOptions options, Config config, Invocation invocation) {
    Severity minLevel = minSeverity != null ? minSeverity : config.minSeverity().orElse(Severity.INFO);
    Path base = config.file().map(f -> f.toAbsolutePath().normalize().getParent()).orElse(cwd);
    List<Pattern> excludes = config.exclude().stream().map(g -> Globs.compile(Globs.under(base, g))).toList();
    List<Ignore> ignores = config.ignore().stream().map(i -> new Ignore(i.rules(), i.path().map(g -> Globs.under(base, g)),
        i.resource(), i.reason(), i.until(), i.at())).toList();
    return new ScanRequest(cwd, paths, parameters, variables, variableFiles, invocation.environment(), partition, selector(), minLevel,
        options, p -> excludes.stream().anyMatch(g -> Globs.matches(g, p)), Math.max(1, threads), ignores,
        config.requireReason());
  }

  /** The baseline given with --baseline, read. */
  Optional<Baseline> baseline() throws IOException {
    return baselineFile == null ? Optional.empty() : Optional.of(Baseline.read(baselineFile));
  }

  /**
   * The last step of a run: writes the baseline (--write-baseline), or the report in every format,
   * and gives the exit code. {@code enabled} are the rules the report lists; {@code projectRoot}
   * is where reports' paths are relative to; {@code failOn} the lowest failing severity of each
   * finding's project.
   */
  int finish(CommandLine.Model.CommandSpec spec, ScanResult result, List<RuleMetadata> enabled,
      Optional<Path> projectRoot, Path cwd, Function<Finding, Severity> failOnOf, Invocation invocation) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (writeBaselineFile != null) {
      List<Finding> accepted = Triage.baselineOf(result);
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
    List<Finding> shown = new ArrayList<>(result.findings());
    if (showSuppressed) shown.addAll(result.suppressed());
    shown.sort(Scanner.ORDER);

    Report report = new Report(Version.current(), shown, result.files(), result.resources(), result.errors(), enabled, fixes);
    for (OutputFormat format : formats) {
      if (stdoutTaken && format.file().isEmpty()) continue;
      StringWriter buffer = new StringWriter();
      boolean onTerminal = !noColor && !invocation.environment().containsKey("NO_COLOR") && invocation.terminal();
      boolean color = format.file().isEmpty() && format.name().equals("text") && switch (colorWhen) {
        case always -> !noColor;
        case never -> false;
        case auto -> onTerminal;
      };
      format.reporter(color, fromProjectRoot(cwd, projectRoot), invocation.environment(), cwd,
          repositoryRoot(projectRoot).orElse(cwd), quotesSource ? SourceLines.CURRENT_DIRECTORY : f -> Optional.empty())
          .write(report, buffer);
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
    boolean textOnStdout = !stdoutTaken && formats.stream().anyMatch(f -> f.file().isEmpty() && f.name().equals("text"));
    if (!textOnStdout) {
      result.errors().forEach(e -> err.println("iamlint: " + e.file() + ": " + e.message()));
    }
    for (String internal : result.internalErrors()) err.println("iamlint: internal error: " + internal);
    if (!result.internalErrors().isEmpty()) return ExitCodes.ERROR;
    for (Finding f : result.findings()) {
      if (f.severity().atLeast(failOnOf.apply(f))) return ExitCodes.FINDINGS;
    }
    return ExitCodes.CLEAN;
  }

  /**
   * A display path (relative to the working directory, or absolute) as the repository names it:
   * relative to the git top level holding the project root, else to the project root. Links in
   * summaries resolve against the repository (a blob URL), even when a config file below the
   * git root marks the project.
   */
  private static UnaryOperator<String> fromProjectRoot(Path cwd, Optional<Path> projectRoot) {
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
        if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) return d;
      }
      return r;
    });
  }

  /** The text format's last line is the summary. */
  private static String stripSummary(String text) {
    String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    int nl = trimmed.lastIndexOf('\n');
    return nl < 0 ? "" : trimmed.substring(0, nl + 1);
  }

  /** Why a file could not be written, in words (the exceptions' own names are Java's). */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof FileAlreadyExistsException f) return f.getFile() + " is not a directory";
    if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
    return e.getMessage() == null ? "input/output error" : e.getMessage();
  }
}
