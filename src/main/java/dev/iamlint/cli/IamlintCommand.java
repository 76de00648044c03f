package dev.iamlint.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "iamlint", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Finds IAM and audit-logging mistakes in Terraform and CloudFormation before they are deployed.",
    subcommands = {ScanCommand.class, ReviewCommand.class, RulesCommand.class, ExplainCommand.class, DebugCommand.class},
    footer = {"", "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or internal error."})
final class IamlintCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Without a subcommand there is nothing to do: show how to use it, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.ERROR;
  }
}
