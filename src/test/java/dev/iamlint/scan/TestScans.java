package dev.iamlint.scan;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.time.LocalDate;
import java.util.List;

/**
 * Scans for tests: one file or directory, optionally one rule only. Every scan is judged as on
 * {@link #AS_OF}, never the clock's date, so that time windows in fixtures decide the same way
 * on every day the tests run.
 */
public final class TestScans {
  /** The day fixtures are judged on (as with --as-of 2026-06-15). */
  public static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

  private TestScans() {}

  /** A Terraform role named {@code name} (an HCL string expression) that CodeBuild assumes, with AdministratorAccess attached: ADM001. */
  public static String adminRole(String name) {
    return """
        resource "aws_iam_role" "role" {
          name = %s
          assume_role_policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
          })
        }

        resource "aws_iam_role_policy_attachment" "admin" {
          role       = aws_iam_role.role.name
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """.formatted(name);
  }

  public static ScanResult scan(Path path, String... rules) {
    return scan(path, ScanOptions.DEFAULT, rules);
  }

  /** With the given options (account baseline, external trail, unknowns, rule settings). */
  public static ScanResult scan(Path path, ScanOptions options, String... rules) {
    Path abs = path.toAbsolutePath().normalize();
    ScanRequest r = ScanRequest.of(abs.getParent(), List.of(abs)).withSelector(new RuleSelector(List.of(rules), List.of()));
    return new Scanner().scan(new ScanRequest(r.workingDirectory(), r.paths(), r.parameters(), r.variables(),
        r.variableFiles(), r.environment(), r.partition(), r.selector(), r.minSeverity(), options.withAsOf(AS_OF), r.excluded(),
        r.threads()));
  }

  /**
   * Reviews exported account files ({@code iamlint review}); {@code asOf} as the option gives it,
   * {@code code} the IaC roots given with {@code --iac}. A review never reads the clock: without
   * {@code asOf} only the reports' own generation times count.
   */
  public static ScanResult review(List<Path> exports, Optional<LocalDate> asOf, List<Path> code, String... rules)
      throws Review.Refused {
    Path first = exports.get(0).toAbsolutePath().normalize();
    Path wd = Files.isDirectory(first) ? first : first.getParent();
    List<Path> files = exports.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    ScanRequest r = ScanRequest.of(wd, files).withSelector(new RuleSelector(List.of(rules), List.of()))
        .withOptions(ScanOptions.DEFAULT.withAsOf(AS_OF));
    return new Review(new Progress()).run(r, asOf, code.stream().map(p -> p.toAbsolutePath().normalize()).toList());
  }

  /**
   * Reviews every file of {@code dir} except its {@code iac/} folder and {@code *.expected}
   * sidecars, with {@code iac/} as the code when it is there, and {@link #AS_OF} as the day
   * when the directory holds a decoded (CSV) credential report.
   */
  public static List<Finding> reviewDirectory(Path dir, String... rules) throws IOException, Review.Refused {
    List<Path> exports;
    try (var files = Files.list(dir)) {
      exports = files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".expected")).sorted().toList();
    }
    boolean csv = exports.stream().anyMatch(p -> p.toString().endsWith(".csv"));
    Path iac = dir.resolve("iac");
    return review(exports, csv ? Optional.of(AS_OF) : Optional.empty(),
        Files.isDirectory(iac) ? List.of(iac) : List.of(), rules).findings();
  }

  public static List<Finding> findings(Path path, String... rules) {
    return scan(path, rules).findings();
  }

  /** As an account baseline (project-level rules apply). */
  public static List<Finding> baselineFindings(Path path, String... rules) {
    return scan(path, new ScanOptions(true, false), rules).findings();
  }
}
