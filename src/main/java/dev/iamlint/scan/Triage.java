package dev.iamlint.scan;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Suppression;
import dev.iamlint.rules.Catalog;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The suppress stage: of the findings that loading and the rules made, what a run reports and
 * what it hides, and why. In this order: inline, metadata and config suppressions (one that is
 * stale, expired or without a reason is itself a SUP001 finding); the rule selection
 * ({@code --rule}, {@code --skip-rule}, a rule the config disables), the minimum severity and the
 * report's scope; fingerprints made relative to the project root; the baseline. Everything a run
 * reports or hides passes here, scan and review alike, and so does what {@code --fix} may fix.
 *
 * <p>A file that does not parse (SYN001) is never passed in silence: it is reported whatever
 * {@code --rule} selects (only {@code --skip-rule SYN001} hides it), no baseline accepts it and
 * none is written with it.
 */
public final class Triage {
  private static final String SYNTAX_ERROR = "SYN001";

  private final ScanRequest request;
  private final Predicate<Finding> inScope;

  /** {@code inScope}: whether a finding lies in what the request reports (a partial scan's paths). */
  Triage(ScanRequest request, Predicate<Finding> inScope) {
    this.request = request;
    this.inScope = inScope;
  }

  /** What a run reports, and what it hides (each finding marked with its suppression); both sorted. */
  record Sorted(List<Finding> reported, List<Finding> hidden) {}

  /** The suppressions of the request's config file, to which those written in the files are added. */
  static Suppressions suppressions(ScanRequest request) {
    Suppressions suppressions = new Suppressions();
    suppressions.requireReason(request.requireReason());
    suppressions.readConfig(request.ignores(), request.workingDirectory());
    return suppressions;
  }

  /**
   * Sorts {@code findings} into reported and hidden. {@code files}: the files of this run, which
   * decide whether a config entry naming a path is stale; {@code today}: when suppressions expire.
   */
  Sorted sort(List<Finding> findings, Suppressions suppressions, List<String> files, LocalDate today) {
    List<Finding> kept = suppressions.apply(SharedModules.distinguish(findings), today, files);
    List<Finding> reported = inProject(listed(kept));
    List<Finding> hidden = new ArrayList<>(inProject(listed(suppressions.hidden())));
    List<Finding> active = new ArrayList<>();
    for (Finding f : reported) {
      Optional<Finding> accepted = f.ruleId().equals(SYNTAX_ERROR) ? Optional.empty()
          : request.baseline().flatMap(b -> b.accept(f));
      if (accepted.isPresent()) hidden.add(accepted.get());
      else active.add(f);
    }
    hidden.sort(Scanner.ORDER);
    return new Sorted(active, hidden);
  }

  /**
   * The findings the selection, the minimum severity and the scope let through, each once, sorted.
   * Alternatives of one condition, or root modules sharing a module, can yield the very same
   * finding twice: it is listed once (the first deployment in path order).
   */
  private List<Finding> listed(List<Finding> findings) {
    List<Finding> out = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (Finding f : findings) {
      if (selected(f) && f.severity().atLeast(request.minSeverity()) && inScope.test(f)
          && seen.add(List.of(f.ruleId(), f.location(), f.resource().address(), f.message()))) {
        out.add(f);
      }
    }
    out.sort(Scanner.ORDER);
    return out;
  }

  private boolean selected(Finding f) {
    RuleMetadata metadata = Catalog.get(f.ruleId());
    // A file that does not parse is never silently passed: only --skip-rule hides SYN001.
    if (f.ruleId().equals(SYNTAX_ERROR) && !f.isSuppressed()) return !request.selector().skips(metadata);
    return reports(metadata, request.selector(), request.options());
  }

  /** Whether a run reports the findings of rule {@code m}: selected, and not disabled by the config. */
  public static boolean reports(RuleMetadata m, RuleSelector selector, ScanOptions options) {
    return selector.selects(m) && options.settings(m.id()).enabled().orElse(true);
  }

  /** The findings with fingerprints that name their files relative to the project root, not to where iamlint runs. */
  private List<Finding> inProject(List<Finding> findings) {
    if (request.projectRoot().isEmpty()) return findings;
    Path root = request.projectRoot().get();
    return findings.stream().map(f -> f.inProject(projectPath(root, f.resource().file()))).toList();
  }

  /** A display path (relative to the working directory, or absolute) relative to {@code root}, when it lies under it. */
  private String projectPath(Path root, String display) {
    Path abs = request.workingDirectory().resolve(display).normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : display;
  }

  /**
   * What {@code --write-baseline} writes: the findings the run reports and those the baseline
   * already holds; never a file that does not parse, which would stay hidden for good.
   */
  public static List<Finding> baselineOf(ScanResult result) {
    return Stream.concat(result.findings().stream(), result.suppressed().stream()
            .filter(f -> f.suppression().filter(s -> s.kind() == Suppression.Kind.BASELINE).isPresent()))
        .filter(f -> !f.ruleId().equals(SYNTAX_ERROR)).toList();
  }
}
