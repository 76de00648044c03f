package dev.iamlint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.iamlint.cloudformation.CloudFormationAdapter;
import dev.iamlint.cloudformation.Exports;
import dev.iamlint.cloudformation.Template;
import dev.iamlint.json.JsonLoader;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.yaml.YamlLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML and JSON loaders on any text, and what parses as a template: its exports, mapped into
 * the model and checked by every rule. A loader gives a tree or a located failure, never an exception.
 */
public final class CloudFormationFuzz {
  private CloudFormationFuzz() {}

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    boolean json = data.consumeBoolean();
    String text = data.consumeRemainingAsString();
    String file = json ? "fuzz.json" : "fuzz.yaml";
    ParseResult parsed = json ? JsonLoader.parse(file, text) : YamlLoader.parse(file, text);
    if (!(parsed instanceof ParseResult.Parsed p)) return;
    Optional<Template> template = Template.of(file, p.root(), text);
    if (template.isEmpty()) return;
    Exports exports = Exports.of(List.of(template.get()), Map.of(), "aws");
    ModelBuilder model = new ModelBuilder();
    CloudFormationAdapter.adapt(template.get(), Map.of(), "aws", exports, model);
    Judges.all(model);
  }
}
