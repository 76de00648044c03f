package dev.iamlint.scan;

import dev.iamlint.rule.Finding;
import dev.iamlint.source.FileError;
import dev.iamlint.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a scan found, sorted. {@code internalErrors} are failures of iamlint itself (a rule that
 * threw): they make the exit code 2 but never hide the other findings. {@code suppressed}: the
 * findings suppressions or the baseline hid, marked with why, for --show-suppressed. {@code sources}:
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

  /** Several results (one per project of a scan) as one: findings in the report's order, counts added up. */
  public static ScanResult merge(List<ScanResult> results) {
    if (results.size() == 1) return results.get(0);
    List<Finding> findings = new ArrayList<>();
    List<Finding> suppressed = new ArrayList<>();
    List<FileError> errors = new ArrayList<>();
    List<String> internal = new ArrayList<>();
    List<SourceFile> sources = new ArrayList<>();
    int files = 0;
    int resources = 0;
    for (ScanResult r : results) {
      findings.addAll(r.findings());
      suppressed.addAll(r.suppressed());
      errors.addAll(r.errors());
      internal.addAll(r.internalErrors());
      sources.addAll(r.sources());
      files += r.files();
      resources += r.resources();
    }
    findings.sort(Scanner.ORDER);
    suppressed.sort(Scanner.ORDER);
    errors.sort(Comparator.comparing(FileError::file));
    return new ScanResult(findings, files, resources, errors, internal, suppressed, sources);
  }

  public ScanResult {
    suppressed = List.copyOf(suppressed);
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
    internalErrors = List.copyOf(internalErrors);
    sources = List.copyOf(sources);
  }
}
