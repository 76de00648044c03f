package dev.iamlint.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "iamlint", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Finds IAM and audit-logging mistakes in Terraform and CloudFormation before they are deployed.",
    footer = {"", "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or internal error.",
        "--daemon before 'scan' (or IAMLINT_DAEMON=1): answered by the directory's resident server, see 'iamlint daemon --help'."})
final class IamlintCommand implements Callable<Integer> {
  /** The subcommands, in the order help lists them. */
  static final List<Class<?>> SUBCOMMANDS = List.of(ScanCommand.class, ReviewCommand.class, RulesCommand.class,
      ExplainCommand.class, DaemonCommand.class, LspCommand.class, DebugCommand.class);

  /**
   * The command line for {@code args}. When the first argument names a subcommand, only that one
   * is built: picocli reads every option of every subcommand it is given, a tenth of a small scan.
   */
  static CommandLine commandLine(String[] args) {
    return commandLine(args, Invocation.thisProcess());
  }

  /** As above, for the process {@code invocation} describes (the scan reads its environment). */
  static CommandLine commandLine(String[] args, Invocation invocation) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        return cls == ScanCommand.class ? cls.cast(new ScanCommand(invocation)) : defaults.create(cls);
      }
    };
    CommandLine cmd = new CommandLine(new IamlintCommand(), factory);
    String first = args.length == 0 ? "" : args[0];
    boolean named = SUBCOMMANDS.stream().anyMatch(c -> name(c).equals(first));
    for (Class<?> c : SUBCOMMANDS) {
      if (!named || name(c).equals(first)) cmd.addSubcommand(c);
    }
    return cmd;
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  @Spec
  CommandSpec spec;

  /** Without a subcommand there is nothing to do: show how to use it, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.ERROR;
  }
}
