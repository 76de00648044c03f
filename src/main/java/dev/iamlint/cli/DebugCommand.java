package dev.iamlint.cli;

import dev.iamlint.hcl.Hcl2Json;
import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.cache.DiskCache;
import dev.iamlint.cache.ParseCache;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rules.Catalog;
import dev.iamlint.scan.ProjectScope;
import dev.iamlint.scan.ScanRequest;
import dev.iamlint.scan.Scanner;
import dev.iamlint.source.SourceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "debug", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Tools for developers of iamlint.", subcommands = {DebugCommand.Hcl2JsonCommand.class, DebugCommand.WarmUpCommand.class})
final class DebugCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.ERROR;
  }

  @Command(name = "hcl2json", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = {"Parse HCL files and print, one line per file, the canonical JSON that ../shared/tools/hcl-oracle",
          "prints for HashiCorp's parser: {\"file\", \"ok\": true, \"json\"} or {\"file\", \"ok\": false, \"error\"}."})
  static final class Hcl2JsonCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (Path f : files) out.println(line(f));
      out.flush();
      return ExitCodes.CLEAN;
    }

    static String line(Path f) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("file", f.toString());
      SourceReader.Outcome read = SourceReader.UNCONFINED.read(f, SourceReader.Encoding.UTF8);
      if (read instanceof SourceReader.Refused refused) {
        line.put("ok", false);
        line.put("error", refused.reason());
        return Hcl2Json.toJson(line);
      }
      String text = ((SourceReader.Text) read).text();
      HclParseResult r = HclParser.parse(f.getFileName().toString(), text);
      if (r instanceof HclParseResult.Failed failed) {
        line.put("ok", false);
        line.put("error", failed.location().shortForm() + ": " + failed.message());
        return Hcl2Json.toJson(line);
      }
      try {
        Map<String, Object> json = Hcl2Json.convert(((HclParseResult.Parsed) r).file());
        line.put("ok", true);
        line.put("json", json);
      } catch (Hcl2Json.Unconvertible e) {
        line.put("ok", false);
        line.put("error", "convert: " + e.getMessage());
      }
      return Hcl2Json.toJson(line);
    }
  }

  /**
   * Scans every rule's documented examples once, in a temporary directory, and prints nothing:
   * the launcher runs it to record the classes a scan loads in a class-data archive, so that
   * later runs start from that archive instead of loading and verifying each class anew.
   */
  @Command(name = "warm-up", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = "Scan the rules' own examples once and print nothing (the launcher's class-data archive run).")
  static final class WarmUpCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      Path dir = Files.createTempDirectory("iamlint-warm-up-");
      try {
        // A project of its own, laid out as a user's is (a git repository with ignore rules and a
        // config file, read as a scan reads them): nothing around the temporary directory is read,
        // and the classes of those readers are in the archive too.
        Files.writeString(dir.resolve(".iamlint.yaml"), WARM_UP_CONFIG);
        Files.createDirectories(dir.resolve(".git").resolve("info"));
        Files.writeString(dir.resolve(".gitignore"), "*.tfstate\n/build/\n**/.terraform/\n!keep.tf\nout.*\n");
        int n = 0;
        List<Path> examples = new ArrayList<>();
        for (RuleMetadata m : Catalog.all()) {
          for (RuleMetadata.Example e : m.examples()) {
            String extension = switch (e.format()) {
              case "cloudformation-yaml" -> ".yaml";
              case "cloudformation-json" -> ".json";
              default -> ".tf";
            };
            Path module = Files.createDirectories(dir.resolve(m.id() + "-" + n++));
            examples.add(Files.writeString(module.resolve("example" + extension), e.code()));
          }
        }
        StringWriter sink = new StringWriter();
        // Without the parse cache: these examples are nobody's files, their entries would only crowd the user's.
        Main.run(new String[] {"scan", "--no-cache", "--format", "json", "--format", "sarif=" + dir.resolve("out.sarif"),
            "--format", "compact=" + dir.resolve("out.txt"), dir.toString()}, new PrintWriter(sink), new PrintWriter(sink));
        warmCachedScans(dir, examples);
        DaemonServer.roundTrip(dir);
        return ExitCodes.CLEAN;
      } finally {
        deleteTree(dir);
      }
    }

    /** A config file with a setting of each kind (none that hides a finding: the scan's work stays whole). */
    private static final String WARM_UP_CONFIG = """
        # iamlint warm-up
        account_baseline: true
        cloudtrail: project
        fail_on: low
        min_severity: info
        rules:
          PWD002: { min_length: 14 }
          REV001: { max_days: 90 }
        exclude: ["**/.terraform/**"]
        ignore:
          - { rule: ADM001, path: "nowhere/*.tf", reason: "warm-up" }
        """;

    /**
     * A pre-commit run's classes too: the examples scanned with a parse cache of their own (in a
     * temporary directory, never the user's), once to fill it, then as a partial scan of one
     * example that reads the rest from it.
     */
    private static void warmCachedScans(Path dir, List<Path> examples) throws IOException {
      if (examples.isEmpty()) return;
      Path cacheDir = Files.createTempDirectory("iamlint-warm-up-cache-");
      try {
        ParseCache cache = DiskCache.open(cacheDir, "warm-up", 64L * 1024 * 1024, note -> { });
        ScanRequest whole = ScanRequest.of(dir, List.of(dir)).withCache(cache);
        new Scanner().scan(whole);
        // A Terraform file, as a hook is mostly handed: the context it leaves unread is decided too.
        Path one = examples.stream().filter(p -> p.toString().endsWith(".tf")).reduce((a, b) -> b)
            .orElse(examples.get(examples.size() - 1));
        new Scanner().scan(whole.withPaths(List.of(one)).withScope(ProjectScope.of(dir, List.of(one))));
      } finally {
        deleteTree(cacheDir);
      }
    }

    private static void deleteTree(Path dir) throws IOException {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }
}
