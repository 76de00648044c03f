package dev.iamlint.terraform.evaluation;

import dev.iamlint.terraform.functions.FileAccess;
import dev.iamlint.terraform.loader.ModuleConfig;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Value;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What module instances share: how to load a module directory, the values given for the root
 * module's variables, the partition, confined file access, and the budget of the evaluation.
 */
public interface Project {
  /**
   * How deep expressions may nest while they are evaluated (the depth of a project's budget),
   * through locals and module calls too: the parser's limit on nested operators and brackets
   * (1,000) and 64 levels of references above it, so that an expression the parser accepts is
   * never cut for its depth. Within what a thread's default stack holds.
   */
  int MAX_DEPTH = 1000 + 64;

  /** The configuration of the module in {@code directory}, if it can be read inside the scan root. */
  Optional<ModuleConfig> module(Path directory);

  /** Where a module call's source lives: a local path, or a module already installed by terraform init. */
  Optional<Path> moduleSource(ModuleConfig caller, String callKey, String source);

  /** Values for the root module's variables, with their provenance, after Terraform's precedence. */
  Map<String, Value> rootVariables(ModuleConfig root);

  FileAccess files(Path moduleDirectory);

  String partition();

  /**
   * The workspace Terraform runs in ({@code terraform.workspace}), when the scan is told
   * ({@code TF_WORKSPACE}); otherwise it is chosen when Terraform runs, and not known here.
   */
  default Optional<String> workspace() {
    return Optional.empty();
  }

  /** What the evaluation of the root module and every module it calls may spend, and where it was cut. */
  Budget budget();

  /** A project with no modules, variables or files: for evaluating constants (tests). */
  static Project constants(String partition) {
    return constants(partition, new Budget(MAX_DEPTH));
  }

  /** Constants (variable files) evaluated within the budget of the root module they are given to. */
  static Project constants(String partition, Budget budget) {
    return new Project() {
      @Override
      public Optional<ModuleConfig> module(Path directory) {
        return Optional.empty();
      }

      @Override
      public Optional<Path> moduleSource(ModuleConfig caller, String callKey, String source) {
        return Optional.empty();
      }

      @Override
      public Map<String, Value> rootVariables(ModuleConfig root) {
        return Map.of();
      }

      @Override
      public FileAccess files(Path moduleDirectory) {
        return FileAccess.NONE;
      }

      @Override
      public String partition() {
        return partition;
      }

      @Override
      public Budget budget() {
        return budget;
      }
    };
  }
}
