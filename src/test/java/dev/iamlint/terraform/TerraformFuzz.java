package dev.iamlint.terraform;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.iamlint.fuzz.Judges;
import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.terraform.adapter.Deployments;
import dev.iamlint.terraform.adapter.TerraformAdapter;
import dev.iamlint.terraform.evaluation.ModuleInstance;
import dev.iamlint.terraform.evaluation.Project;
import dev.iamlint.terraform.evaluation.TfResource;
import dev.iamlint.terraform.functions.FileAccess;
import dev.iamlint.terraform.loader.ModuleConfig;
import dev.iamlint.terraform.loader.ModulePaths;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Terraform evaluator on generated configurations: the fuzzer's text, parsed as a root
 * module (with a second file that calls it as a child module), evaluated, mapped into the model
 * and checked by every rule, all in memory. Nothing may throw; budgets keep it bounded.
 */
public final class TerraformFuzz {
  private TerraformFuzz() {}

  private static final Path ROOT = Path.of("/fuzz/root");
  private static final Path CHILD = Path.of("/fuzz/child");

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String child = data.consumeString(2_000);
    String root = data.consumeRemainingAsString();
    Optional<ModuleConfig> rootConfig = config(ROOT, "root/main.tf", root + "\nmodule \"c\" {\n  source = \"../child\"\n}\n");
    if (rootConfig.isEmpty()) return;
    Optional<ModuleConfig> childConfig = config(CHILD, "child/main.tf", child);
    Project project = new Project() {
      @Override
      public Optional<ModuleConfig> module(Path directory) {
        return directory.normalize().equals(CHILD) ? childConfig : directory.normalize().equals(ROOT) ? rootConfig : Optional.empty();
      }

      @Override
      public Optional<Path> moduleSource(ModuleConfig caller, String callKey, String source) {
        return source.startsWith("./") || source.startsWith("../")
            ? ModulePaths.under(caller.directory(), source) : Optional.empty();
      }

      @Override
      public Map<String, Value> rootVariables(ModuleConfig config) {
        return Map.of();
      }

      @Override
      public FileAccess files(Path moduleDirectory) {
        return FileAccess.NONE;
      }

      @Override
      public String partition() {
        return "aws";
      }

      private final Budget budget = new Budget(Project.MAX_DEPTH);

      @Override
      public Budget budget() {
        return budget;
      }
    };
    ModuleInstance instance = ModuleInstance.root(project, rootConfig.get());
    List<TfResource> resources = instance.resources();
    ModelBuilder model = new ModelBuilder();
    TerraformAdapter.adapt(resources, instance.documentsInUse(), Deployments.of("root", rootConfig.get(), resources, instance.unreadParts()), model);
    Judges.all(model);
  }

  private static Optional<ModuleConfig> config(Path dir, String file, String text) {
    if (!(HclParser.parse(file, text) instanceof HclParseResult.Parsed p)) return Optional.empty();
    return Optional.of(new ModuleConfig(dir, dir.getFileName().toString(), List.of(new ModuleConfig.File(file, p.file().body()))));
  }
}
