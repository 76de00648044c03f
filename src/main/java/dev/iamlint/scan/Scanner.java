package dev.iamlint.scan;

import dev.iamlint.cloudformation.CloudFormationAdapter;
import dev.iamlint.cloudformation.Template;
import dev.iamlint.json.JsonLoader;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rules.Catalog;
import dev.iamlint.rules.Rules;
import dev.iamlint.source.Discovery;
import dev.iamlint.source.Location;
import dev.iamlint.source.SourceFile;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pipeline: discover, load, evaluate and map each file (in parallel; results merged in
 * path order), check the merged model with every selected rule, filter and sort.
 */
public final class Scanner {

  /** One file's contribution: its model elements and its syntax error, if any. */
  private record FileOutcome(ModelBuilder model, Optional<Finding> syntaxError, boolean scanned) {}

  public ScanResult scan(ScanRequest request) {
    Discovery.Result discovered = new Discovery(request.workingDirectory(), request.excluded()).discover(request.paths());
    List<FileOutcome> outcomes = loadAll(request, discovered.files());

    ModelBuilder merged = new ModelBuilder();
    List<Finding> findings = new ArrayList<>();
    int files = 0;
    for (FileOutcome o : outcomes) {
      merged.addAll(o.model());
      o.syntaxError().ifPresent(findings::add);
      if (o.scanned()) files++;
    }
    IamModel model = merged.build();

    List<String> internalErrors = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      RuleMetadata metadata = Catalog.get(rule.id());
      if (!request.selector().selects(metadata)) continue;
      RuleContext context = new RuleContext(model, request.options(), metadata);
      try {
        rule.check(context);
        findings.addAll(context.findings());
      } catch (RuntimeException e) {
        internalErrors.add("rule " + rule.id() + " failed: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
    }
    List<Finding> reported = new ArrayList<>();
    for (Finding f : findings) {
      if (f.severity().atLeast(request.minSeverity()) && request.selector().selects(Catalog.get(f.ruleId()))) {
        reported.add(f);
      }
    }
    reported.sort(ORDER);
    return new ScanResult(reported, files, model.resources().size(), discovered.errors(), internalErrors);
  }

  /** Deterministic: file, position, rule, then message. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing((Finding f) -> f.location().file())
      .thenComparingInt(f -> f.location().startLine())
      .thenComparingInt(f -> f.location().startColumn())
      .thenComparing(Finding::ruleId)
      .thenComparing(f -> f.resource().address())
      .thenComparing(Finding::message);

  private List<FileOutcome> loadAll(ScanRequest request, List<SourceFile> files) {
    int threads = Math.max(1, Math.min(request.threads(), files.size()));
    if (threads == 1) return files.stream().map(f -> load(request, f)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(null, r, "iamlint-load", 16L * 1024 * 1024);
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<FileOutcome>> futures = new ArrayList<>();
      for (SourceFile f : files) futures.add(pool.submit(() -> load(request, f)));
      List<FileOutcome> out = new ArrayList<>();
      for (Future<FileOutcome> f : futures) out.add(f.get());
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private FileOutcome load(ScanRequest request, SourceFile file) {
    ModelBuilder model = new ModelBuilder();
    if (!file.kind().isCloudFormation()) {
      // Terraform arrives with the HCL front end; such files are discovered but not yet read.
      return new FileOutcome(model, Optional.empty(), false);
    }
    ParseResult parsed = file.kind() == dev.iamlint.source.FileKind.CLOUDFORMATION_JSON
        ? JsonLoader.parse(file.displayPath(), file.text())
        : YamlLoader.parse(file.displayPath(), file.text());
    if (parsed instanceof ParseResult.Failed failed) {
      return new FileOutcome(model, Optional.of(syntaxError(file, failed)), true);
    }
    Optional<Template> template = Template.of(file.displayPath(), ((ParseResult.Parsed) parsed).root());
    if (template.isEmpty()) return new FileOutcome(model, Optional.empty(), false);
    CloudFormationAdapter.adapt(template.get(), request.parameters(), request.partition(), model);
    return new FileOutcome(model, Optional.empty(), true);
  }

  static Finding syntaxError(SourceFile file, ParseResult.Failed failed) {
    RuleMetadata syn = Catalog.get("SYN001");
    int lines = Math.max(1, (int) file.text().lines().count());
    Location whole = new Location(file.displayPath(), 1, 1, lines, 1);
    ResourceRef resource = new ResourceRef(file.displayPath(), file.displayPath(), "file", whole, failed.location());
    String kind = file.kind() == dev.iamlint.source.FileKind.CLOUDFORMATION_JSON ? "JSON" : "YAML";
    String message = (failed.limit() ? "" : kind + " syntax error: ") + failed.message();
    return new Finding(syn.id(), syn.slug(), syn.severity(), message, failed.location(), resource, List.of(),
        "syntax");
  }
}
