package dev.iamlint.terraform;

import dev.iamlint.hcl.Body;
import dev.iamlint.hcl.Expression;
import dev.iamlint.hcl.HclParseResult;
import dev.iamlint.hcl.HclParser;
import dev.iamlint.source.Location;
import dev.iamlint.terraform.evaluation.ModuleInstance;
import dev.iamlint.terraform.evaluation.Project;
import dev.iamlint.terraform.loader.ModuleConfig;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The root module's variable values, by Terraform's precedence (lowest first): TF_VAR_*
 * environment variables, terraform.tfvars, terraform.tfvars.json, *.auto.tfvars[.json] in
 * lexical order, --var-file in order, --var in order. Defaults are applied by the module itself.
 */
final class Variables {
  private Variables() {}

  /** {@code budget}: the root module's, which the variable files' expressions spend too. */
  static Map<String, Value> rootValues(ModuleConfig config, Path rootModule, TerraformLoader.Options options,
      TerraformLoader loader, Budget budget) {
    Map<String, Value> values = new LinkedHashMap<>();
    ModuleInstance constants = ModuleInstance.constants(Project.constants(options.partition(), budget),
        new ModuleConfig(rootModule, loader.display(rootModule), List.of()));
    options.environment().forEach((k, v) -> {
      if (k.startsWith("TF_VAR_")) {
        String name = k.substring("TF_VAR_".length());
        values.put(name, fromCommandLine(name, v, config, constants, "environment variable " + k));
      }
    });
    fileValues(rootModule.resolve("terraform.tfvars"), false, loader, config, constants, values);
    fileValues(rootModule.resolve("terraform.tfvars.json"), false, loader, config, constants, values);
    for (Path p : loader.autoVariableFiles(rootModule)) fileValues(p, false, loader, config, constants, values);
    for (Path f : options.varFiles()) {
      fileValues(f.isAbsolute() ? f : rootModule.resolve(f), true, loader, config, constants, values);
    }
    options.vars().forEach((k, v) -> values.put(k, fromCommandLine(k, v, config, constants, "--var " + k)));
    return values;
  }

  private static void fileValues(Path file, boolean explicit, TerraformLoader loader, ModuleConfig config,
      ModuleInstance constants, Map<String, Value> values) {
    TerraformLoader.VariableFile read = loader.parseVarsFile(file, explicit);
    if (read instanceof TerraformLoader.VariableFile.Unreadable u) {
      // Terraform reads it (its error is reported): it may set any variable, so none is known from here on.
      Location at = Location.point(u.shown(), 1, 1);
      for (String name : config.variables().keySet()) {
        values.put(name, new Value.Unknown(Value.Cause.INPUT, "the variable file " + u.shown() + " may set it and cannot be read",
            Optional.empty(), Optional.empty(), at, Provenance.LITERAL));
      }
      return;
    }
    if (!(read instanceof TerraformLoader.VariableFile.Read body)) return;
    String shown = loader.display(file);
    for (Body.Attribute a : body.body().attributes()) {
      Value v = constants.eval(a.expression(), shown);
      values.put(a.name(), v.withOrigin(v.location(), Provenance.of("value of " + a.name() + " in " + shown,
          a.range().location(shown))));
    }
  }

  /** A string, unless the variable's type is not a string: then it is HCL, as Terraform reads it. */
  private static Value fromCommandLine(String name, String text, ModuleConfig config, ModuleInstance constants, String from) {
    Optional<Expression> type = Optional.ofNullable(config.variables().get(name))
        .flatMap(d -> ModuleConfig.attribute(d.block(), "type"));
    boolean string = type.isEmpty() || (type.get() instanceof Expression.Variable t && t.name().equals("string"));
    Location at = Location.point(from, 1, 1);
    if (!string) {
      HclParseResult r = HclParser.parse(from, "v = " + text + "\n");
      if (r instanceof HclParseResult.Parsed p) {
        Value v = constants.eval(p.file().body().attribute("v").orElseThrow().expression(), from);
        return v.withOrigin(v.location(), Provenance.of("value given by " + from));
      }
    }
    return new Value.Str(text, at, Provenance.of("value given by " + from));
  }
}
