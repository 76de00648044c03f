package dev.iamlint.scan;

import dev.iamlint.cache.ParseCache;
import dev.iamlint.config.Ignore;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import dev.iamlint.source.Ignoring;
import dev.iamlint.source.Overlay;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything a scan needs to know, independent of how it was asked for (CLI, tests).
 * {@code ignores} are the config file's {@code ignore:} entries; {@code requireReason} says
 * whether a suppression without a reason is refused. With a {@code scope}, {@code paths} are not
 * read on their own: the scope's project is, and the scope says what is reported. {@code ignoring}
 * says what directory walks leave out ({@code --no-ignore}: nothing). {@code cache} keeps parse
 * results across runs; only the command line asks for one (tests and library callers get
 * {@link ParseCache#NONE}). {@code overlay}: unsaved texts that every read takes in place of their
 * files (an editor's buffers; none for the command line). {@code projectRoot}: what fingerprints
 * name files relative to (none: as they are shown); {@code baseline}: the findings accepted
 * before (see {@link Triage}).
 */
public record ScanRequest(Path workingDirectory, List<Path> paths, Map<String, String> parameters,
    Map<String, String> variables, List<Path> variableFiles, Map<String, String> environment,
    String partition, RuleSelector selector, Severity minSeverity, ScanOptions options,
    Predicate<String> excluded, int threads, List<Ignore> ignores, boolean requireReason,
    Optional<ProjectScope> scope, Ignoring ignoring, ParseCache cache, Overlay overlay, Optional<Path> projectRoot,
    Optional<Baseline> baseline) {

  public ScanRequest(Path workingDirectory, List<Path> paths, Map<String, String> parameters,
      Map<String, String> variables, List<Path> variableFiles, Map<String, String> environment,
      String partition, RuleSelector selector, Severity minSeverity, ScanOptions options,
      Predicate<String> excluded, int threads, List<Ignore> ignores, boolean requireReason,
      Optional<ProjectScope> scope, Ignoring ignoring, ParseCache cache, Overlay overlay) {
    this(workingDirectory, paths, parameters, variables, variableFiles, environment, partition, selector, minSeverity,
        options, excluded, threads, ignores, requireReason, scope, ignoring, cache, overlay, Optional.empty(),
        Optional.empty());
  }

  public ScanRequest(Path workingDirectory, List<Path> paths, Map<String, String> parameters,
      Map<String, String> variables, List<Path> variableFiles, Map<String, String> environment,
      String partition, RuleSelector selector, Severity minSeverity, ScanOptions options,
      Predicate<String> excluded, int threads, List<Ignore> ignores, boolean requireReason,
      Optional<ProjectScope> scope, Ignoring ignoring, ParseCache cache) {
    this(workingDirectory, paths, parameters, variables, variableFiles, environment, partition, selector, minSeverity,
        options, excluded, threads, ignores, requireReason, scope, ignoring, cache, Overlay.NONE);
  }

  public ScanRequest(Path workingDirectory, List<Path> paths, Map<String, String> parameters,
      Map<String, String> variables, List<Path> variableFiles, Map<String, String> environment,
      String partition, RuleSelector selector, Severity minSeverity, ScanOptions options,
      Predicate<String> excluded, int threads, List<Ignore> ignores, boolean requireReason,
      Optional<ProjectScope> scope, Ignoring ignoring) {
    this(workingDirectory, paths, parameters, variables, variableFiles, environment, partition, selector, minSeverity,
        options, excluded, threads, ignores, requireReason, scope, ignoring, ParseCache.NONE);
  }

  public ScanRequest(Path workingDirectory, List<Path> paths, Map<String, String> parameters,
      Map<String, String> variables, List<Path> variableFiles, Map<String, String> environment,
      String partition, RuleSelector selector, Severity minSeverity, ScanOptions options,
      Predicate<String> excluded, int threads, List<Ignore> ignores, boolean requireReason,
      Optional<ProjectScope> scope) {
    this(workingDirectory, paths, parameters, variables, variableFiles, environment, partition, selector, minSeverity,
        options, excluded, threads, ignores, requireReason, scope, Ignoring.IGNORED_AND_BUILD_FOLDERS);
  }

  public ScanRequest(Path workingDirectory, List<Path> paths, Map<String, String> parameters,
      Map<String, String> variables, List<Path> variableFiles, Map<String, String> environment,
      String partition, RuleSelector selector, Severity minSeverity, ScanOptions options,
      Predicate<String> excluded, int threads, List<Ignore> ignores, boolean requireReason) {
    this(workingDirectory, paths, parameters, variables, variableFiles, environment, partition, selector, minSeverity,
        options, excluded, threads, ignores, requireReason, Optional.empty());
  }

  public ScanRequest(Path workingDirectory, List<Path> paths, Map<String, String> parameters,
      Map<String, String> variables, List<Path> variableFiles, Map<String, String> environment,
      String partition, RuleSelector selector, Severity minSeverity, ScanOptions options,
      Predicate<String> excluded, int threads) {
    this(workingDirectory, paths, parameters, variables, variableFiles, environment, partition, selector, minSeverity,
        options, excluded, threads, List.of(), true);
  }

  public ScanRequest {
    ignores = List.copyOf(ignores);
    paths = List.copyOf(paths);
    parameters = Map.copyOf(parameters);
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    variableFiles = List.copyOf(variableFiles);
    environment = Map.copyOf(environment);
  }

  public static ScanRequest of(Path workingDirectory, List<Path> paths) {
    return new ScanRequest(workingDirectory, paths, Map.of(), Map.of(), List.of(), Map.of(), "aws", RuleSelector.ALL,
        Severity.INFO, ScanOptions.DEFAULT, p -> false, 1);
  }

  public ScanRequest withSelector(RuleSelector s) {
    return new ScanRequest(workingDirectory, paths, parameters, variables, variableFiles, environment, partition, s,
        minSeverity, options, excluded, threads, ignores, requireReason, scope, ignoring, cache, overlay,
        projectRoot, baseline);
  }

  /** The same scan, reading the whole project and reporting only {@code scope}'s paths. */
  public ScanRequest withScope(ProjectScope s) {
    return new ScanRequest(workingDirectory, paths, parameters, variables, variableFiles, environment, partition,
        selector, minSeverity, options, excluded, threads, ignores, requireReason, Optional.of(s), ignoring, cache, overlay,
        projectRoot, baseline);
  }

  /** The same scan, leaving out of directory walks what {@code i} says. */
  public ScanRequest withIgnoring(Ignoring i) {
    return new ScanRequest(workingDirectory, paths, parameters, variables, variableFiles, environment, partition,
        selector, minSeverity, options, excluded, threads, ignores, requireReason, scope, i, cache, overlay,
        projectRoot, baseline);
  }

  /** The same request over other paths (the code a review compares the account with). */
  public ScanRequest withPaths(List<Path> p) {
    return new ScanRequest(workingDirectory, p, parameters, variables, variableFiles, environment, partition,
        selector, minSeverity, options, excluded, threads, ignores, requireReason, scope, ignoring, cache, overlay,
        projectRoot, baseline);
  }

  public ScanRequest withOptions(ScanOptions o) {
    return new ScanRequest(workingDirectory, paths, parameters, variables, variableFiles, environment, partition,
        selector, minSeverity, o, excluded, threads, ignores, requireReason, scope, ignoring, cache, overlay,
        projectRoot, baseline);
  }

  /** The same scan, reading {@code o}'s texts in place of their files. */
  public ScanRequest withOverlay(Overlay o) {
    return new ScanRequest(workingDirectory, paths, parameters, variables, variableFiles, environment, partition,
        selector, minSeverity, options, excluded, threads, ignores, requireReason, scope, ignoring, cache, o,
        projectRoot, baseline);
  }

  public ScanRequest withCache(ParseCache c) {
    return new ScanRequest(workingDirectory, paths, parameters, variables, variableFiles, environment, partition,
        selector, minSeverity, options, excluded, threads, ignores, requireReason, scope, ignoring, c, overlay,
        projectRoot, baseline);
  }

  /** The same scan, its fingerprints naming files relative to {@code root}. */
  public ScanRequest withProjectRoot(Optional<Path> root) {
    return new ScanRequest(workingDirectory, paths, parameters, variables, variableFiles, environment, partition,
        selector, minSeverity, options, excluded, threads, ignores, requireReason, scope, ignoring, cache, overlay, root,
        baseline);
  }

  /** The same scan, reporting only findings that {@code b} does not hold. */
  public ScanRequest withBaseline(Optional<Baseline> b) {
    return new ScanRequest(workingDirectory, paths, parameters, variables, variableFiles, environment, partition,
        selector, minSeverity, options, excluded, threads, ignores, requireReason, scope, ignoring, cache, overlay,
        projectRoot, b);
  }
}
