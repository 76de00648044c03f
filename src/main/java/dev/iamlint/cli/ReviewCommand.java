package dev.iamlint.cli;

import dev.iamlint.cache.ParseCache;
import dev.iamlint.config.Config;
import dev.iamlint.config.ConfigException;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import dev.iamlint.rules.Catalog;
import dev.iamlint.scan.Baseline;
import dev.iamlint.scan.Progress;
import dev.iamlint.scan.Review;
import dev.iamlint.scan.ScanRequest;
import dev.iamlint.scan.ScanResult;
import dev.iamlint.scan.Triage;
import dev.iamlint.source.InternalFailure;
import dev.iamlint.source.ProjectRoot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "review", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
    description = {"Review a deployed account offline, from files exported with the AWS CLI, each recognised by its content:",
        "  aws iam get-credential-report (JSON, or its decoded CSV with --as-of)",
        "  aws iam get-account-authorization-details (one or more pages or files)",
        "  aws iam get-account-password-policy",
        "  aws cloudtrail describe-trails, get-trail-status, get-event-selectors",
        "The rules whose inputs the files hold run as in a scan, with REV004-REV007 and MFA004."})
final class ReviewCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Exported files.", arity = "1..*")
  List<Path> files = new ArrayList<>();

  @CommandLine.Mixin
  ReportOptions report = new ReportOptions();

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "The day the exports describe (YYYY-MM-DD, UTC): time-based rules count days up to it. Required for a "
          + "decoded CSV credential report; replaces the GeneratedTime of a JSON one. Never the clock.")
  String asOf;

  @Option(names = "--iac", paramLabel = "DIR",
      description = "Infrastructure code (Terraform, CloudFormation) read as scan reads it; REV007 reports the account's "
          + "identities it does not define. Repeatable.")
  List<Path> iac = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    InternalFailure.showStackTraces(report.debug);
    report.validate(spec);
    Path cwd = Path.of("").toAbsolutePath();
    List<Path> problems = new ArrayList<>();
    for (Path f : files) {
      Path abs = cwd.resolve(f);
      if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) err.println("iamlint: " + f + ": no such file or directory");
      else if (!Files.isRegularFile(abs)) err.println("iamlint: " + f + ": not a regular file (give the exported files)");
      else continue;
      problems.add(f);
    }
    for (Path d : iac) {
      if (!Files.isDirectory(cwd.resolve(d))) {
        err.println("iamlint: --iac " + d + ": not a directory");
        problems.add(d);
      }
    }
    if (!problems.isEmpty()) return ExitCodes.ERROR;
    Optional<LocalDate> day = Optional.empty();
    if (asOf != null) {
      try {
        day = Optional.of(LocalDate.parse(asOf.trim()));
      } catch (DateTimeParseException e) {
        err.println("iamlint: --as-of: '" + asOf + "' is not a date (YYYY-MM-DD)");
        return ExitCodes.ERROR;
      }
    }
    List<Path> absolute = files.stream().map(p -> cwd.resolve(p).normalize()).toList();
    Optional<Path> root = ProjectRoot.find(absolute);
    Config config;
    try {
      config = report.config(cwd, ProjectRoot.commonDirectory(absolute).orElse(cwd));
    } catch (ConfigException e) {
      err.println("iamlint: config error: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    Optional<Baseline> baseline;
    try {
      baseline = report.baseline();
    } catch (IOException e) {
      err.println("iamlint: cannot read baseline: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    Severity failOn = report.failOn(config);
    ScanOptions options = new ScanOptions(false, config.externalCloudTrail().orElse(false), report.reportUnknown(config),
        config.rules(), config.accountId(), day);
    ScanRequest request = report.request(cwd, absolute, Map.of(), Map.of(), List.of(), "aws", options, config, Invocation.thisProcess())
        .withCache(ParseCache.NONE).withProjectRoot(root).withBaseline(baseline);
    ScanResult result;
    try {
      result = new Review(new Progress()).run(request, day, iac.stream().map(p -> cwd.resolve(p).normalize()).toList());
    } catch (Review.Refused e) {
      err.println("iamlint: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    List<RuleMetadata> enabled = Catalog.all().stream().filter(m -> Triage.reports(m, report.selector(), options)).toList();
    // Exports are account data (a credentials download holds passwords): no report quotes them.
    report.quotesSource = false;
    return report.finish(spec, result, enabled, root, cwd, f -> failOn, Invocation.thisProcess());
  }
}
