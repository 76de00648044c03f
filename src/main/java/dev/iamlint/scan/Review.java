package dev.iamlint.scan;

import dev.iamlint.model.CodeInventory;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.model.UnreadPart;
import dev.iamlint.review.AccountExports;
import dev.iamlint.review.Problem;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.source.Discovery;
import dev.iamlint.source.FileError;
import dev.iamlint.source.SourceReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The review of a deployed account ({@code iamlint review}): the exports named in the request's
 * paths are read into the model, and the same rules, suppressions and filters as a scan judge it.
 * With infrastructure code ({@code --iac}), the code is read as a scan reads it, and what it
 * defines is handed to the rules as an inventory; the code's own findings are not the review's.
 */
public final class Review {
  private final Scanner scanner;

  public Review(Progress progress) {
    this.scanner = new Scanner(progress);
  }

  /** A mistake in the command that stops the review (exit 2): one line, said as it is. */
  public static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Reviews the exports in {@code request.paths()}. {@code asOf}: the day time-based rules judge
   * on, when the operator gives it; {@code code}: the IaC roots to compare the account with.
   */
  public ScanResult run(ScanRequest asked, Optional<LocalDate> asOf, List<Path> code) throws Refused {
    // An export holds only what was asked for: what it lacks says nothing about the account.
    ScanOptions o = asked.options();
    ScanRequest request = asked.withOptions(new ScanOptions(false, o.externalCloudTrail(), o.reportUnknown(), o.rules(),
        o.accountId(), asOf));
    Discovery discovery = new Discovery(request.workingDirectory(), p -> false, request.ignoring());
    List<AccountExports.Export> exports = new ArrayList<>();
    List<FileError> errors = new ArrayList<>();
    for (Path p : request.paths()) {
      Path abs = request.workingDirectory().resolve(p).toAbsolutePath().normalize();
      String display = discovery.display(abs);
      SourceReader.Outcome read = SourceReader.UNCONFINED.read(abs, SourceReader.Encoding.UNICODE);
      if (read instanceof SourceReader.Text t) exports.add(new AccountExports.Export(display, t.text()));
      else if (read instanceof SourceReader.Refused r) errors.add(new FileError(display, r.reason()));
    }
    AccountExports.Reading reading = AccountExports.read(exports, asOf);
    for (Problem p : reading.problems()) {
      if (p.fatal()) throw new Refused(p.message());
    }
    List<Finding> findings = new ArrayList<>();
    for (Problem p : reading.problems()) {
      findings.add(Scanner.syntaxError(p.location().file(), p.message(), p.location(), p.location()));
    }
    ModelBuilder model = reading.model();
    // Policies' time windows are judged on the day the exports describe, as the time rules are:
    // --as-of, else the credential report's date, else on no day (undecided), never the clock's.
    Optional<LocalDate> reported = model.credentialReport.stream().map(l -> LocalDate.parse(l.reportDay()))
        .max(LocalDate::compareTo);
    if (asOf.isEmpty()) request = request.withOptions(request.options().withAsOf(reported));
    if (!code.isEmpty()) model.codeInventories.add(inventory(request, code, discovery));
    IamModel built = model.build();
    Suppressions suppressions = Triage.suppressions(request);
    List<String> files = exports.stream().map(AccountExports.Export::file).toList();
    return scanner.judge(request, built, findings, suppressions, files, f -> true, exports.size(),
        built.resources().size(), errors);
  }

  /** What the code under {@code roots} defines, read as a scan reads it. */
  private CodeInventory inventory(ScanRequest review, List<Path> roots, Discovery discovery) {
    ScanRequest request = review.withPaths(roots);
    request = request.withCache(request.cache().outside(roots.stream()
        .map(p -> review.workingDirectory().resolve(p).toAbsolutePath().normalize()).toList()));
    Scanner.Loaded loaded = scanner.load(request);
    IamModel m = loaded.model();
    List<CodeInventory.Defined> defined = new ArrayList<>();
    m.users().forEach(u -> defined.add(new CodeInventory.Defined(CodeInventory.Kind.USER, u.name(), u.resource())));
    m.groups().forEach(g -> defined.add(new CodeInventory.Defined(CodeInventory.Kind.GROUP, g.name(), g.resource())));
    m.roles().forEach(r -> defined.add(new CodeInventory.Defined(CodeInventory.Kind.ROLE, r.name(), r.resource())));
    m.customerPolicies().forEach(p -> defined.add(new CodeInventory.Defined(CodeInventory.Kind.POLICY, p.name(), p.resource())));
    Optional<String> incomplete = loaded.findings().stream().filter(f -> f.ruleId().equals("SYN001")).findFirst()
        .map(f -> f.location().shortForm() + " could not be read (" + f.message() + ")")
        .or(() -> m.unreadPart(true).map(UnreadPart::what))
        .or(() -> loaded.discovered().errors().stream().findFirst().map(e -> e.file() + ": " + e.message()));
    return new CodeInventory(roots.stream().map(p -> discovery.display(review.workingDirectory().resolve(p)
        .toAbsolutePath().normalize())).toList(), defined, incomplete);
  }
}
