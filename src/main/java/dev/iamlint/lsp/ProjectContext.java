package dev.iamlint.lsp;

import dev.iamlint.cache.ParseCache;
import dev.iamlint.config.Config;
import dev.iamlint.config.ConfigException;
import dev.iamlint.config.ConfigLoader;
import dev.iamlint.config.Globs;
import dev.iamlint.config.Ignore;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.rule.Severity;
import dev.iamlint.rules.Catalog;
import dev.iamlint.scan.ScanRequest;
import dev.iamlint.source.Overlay;
import dev.iamlint.source.ProjectRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a document is judged against, as {@code iamlint scan FILE} decides it: the project the
 * file lies in (the nearest directory at or above it holding {@code .git} or {@code .iamlint.yaml}),
 * read whole, with the project's config; or, for a file in no project, the file on its own (a
 * Terraform file with the other files of its directory). Reports name files relative to
 * {@code workingDirectory}.
 */
record ProjectContext(Path workingDirectory, Path scanned, boolean project) {

  static ProjectContext of(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Optional<Path> root = ProjectRoot.find(List.of(abs));
    if (root.isPresent()) return new ProjectContext(root.get(), root.get(), true);
    Path dir = abs.getParent() == null ? abs : abs.getParent();
    return new ProjectContext(dir, abs, false);
  }

  /** The absolute path a report's {@code display} path names. */
  Path absolute(String display) {
    return workingDirectory.resolve(display).normalize();
  }

  /**
   * The scan of this context: the config is the nearest {@code .iamlint.yaml} (read from disk at
   * each scan: the user may have saved it), with the command line's defaults where it says nothing.
   */
  ScanRequest request(ParseCache cache, Overlay overlay, Map<String, String> environment, int threads)
      throws ConfigException {
    Optional<Path> file = ConfigLoader.find(project ? scanned : workingDirectory);
    Config config = file.isEmpty() ? Config.NONE : ConfigLoader.load(file.get(), display(file.get()), Catalog.all());
    ScanOptions options = new ScanOptions(config.accountBaseline().orElse(false), config.externalCloudTrail().orElse(false),
        config.reportUnknown().orElse(false), config.rules(), config.accountId(), Optional.of(ScanOptions.today()));
    // Globs in the config are relative to the directory of the config file.
    Path base = config.file().map(f -> f.toAbsolutePath().normalize().getParent()).orElse(workingDirectory);
    List<Pattern> excludes = config.exclude().stream().map(g -> Globs.compile(Globs.under(base, g))).toList();
    List<Ignore> ignores = config.ignore().stream().map(i -> new Ignore(i.rules(), i.path().map(g -> Globs.under(base, g)),
        i.resource(), i.reason(), i.until(), i.at())).toList();
    return new ScanRequest(workingDirectory, List.of(scanned), Map.of(), Map.of(), List.of(), environment, "aws",
        RuleSelector.ALL, config.minSeverity().orElse(Severity.INFO), options,
        p -> excludes.stream().anyMatch(g -> Globs.matches(g, p)), threads, ignores, config.requireReason())
        .withCache(cache).withOverlay(overlay);
  }

  private String display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(workingDirectory) ? workingDirectory.relativize(abs).toString().replace('\\', '/') : abs.toString();
  }
}
