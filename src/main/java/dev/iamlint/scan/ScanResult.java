package dev.iamlint.scan;

import dev.iamlint.rule.Finding;
import dev.iamlint.source.FileError;
import dev.iamlint.source.SourceFile;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a scan found, sorted. {@code internalErrors} are failures of iamlint itself (a rule that
 * threw): they make the exit code 2 but never hide the other findings. {@code suppressed}: the
 * findings suppressions hid, marked with their suppression, for --show-suppressed. {@code sources}:
 * the scanned files of the report's scope as they were read, which fixes are computed on and
 * compared with before one is written.
 */
public record ScanResult(List<Finding> findings, int files, int resources, List<FileError> errors,
    List<String> internalErrors, List<Finding> suppressed, List<SourceFile> sources) {
  public ScanResult(List<Finding> findings, int files, int resources, List<FileError> errors, List<String> internalErrors) {
    this(findings, files, resources, errors, internalErrors, List.of());
  }

  public ScanResult(List<Finding> findings, int files, int resources, List<FileError> errors, List<String> internalErrors,
      List<Finding> suppressed) {
    this(findings, files, resources, errors, internalErrors, suppressed, List.of());
  }

  /** The same result with the files it was found in. */
  public ScanResult withSources(List<SourceFile> files) {
    return new ScanResult(findings, this.files, resources, errors, internalErrors, suppressed, files);
  }

  /** The same result with {@code change} applied to every finding, reported or suppressed. */
  public ScanResult map(UnaryOperator<Finding> change) {
    return new ScanResult(findings.stream().map(change).toList(), files, resources, errors, internalErrors,
        suppressed.stream().map(change).toList(), sources);
  }

  public ScanResult {
    suppressed = List.copyOf(suppressed);
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
    internalErrors = List.copyOf(internalErrors);
    sources = List.copyOf(sources);
  }
}
