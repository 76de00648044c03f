package dev.iamlint.cli;

import java.util.Map;

/**
 * What a command reads of the process it answers for: the environment (Terraform's
 * {@code TF_VAR_*}, {@code CI}, {@code NO_COLOR}, the cache directory, git's variables) and
 * whether that process runs on a terminal. A command run by the resident server answers for the
 * client that asked, so these are the client's, not the server's; {@code resident} says so.
 */
record Invocation(Map<String, String> environment, boolean terminal, boolean resident) {
  Invocation {
    environment = Map.copyOf(environment);
  }

  /** This process's own. */
  static Invocation thisProcess() {
    return new Invocation(System.getenv(), System.console() != null, false);
  }
}
