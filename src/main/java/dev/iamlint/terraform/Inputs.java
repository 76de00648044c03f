package dev.iamlint.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the evaluation of one root module read, each input with the state it was read in (see
 * {@link DeploymentCache}), and what reading its variable files added to the loader's results.
 */
final class Inputs {
  /**
   * A module directory (its Terraform files), a file inside the scan root, a variable file named
   * on the command line (which may lie outside it), or the list of *.auto.tfvars of a directory.
   */
  enum Kind { MODULE, FILE, EXPLICIT_FILE, AUTO_VARIABLE_FILES }

  private final Map<DeploymentCache.Input, String> read = new LinkedHashMap<>();
  final List<SyntaxError> syntaxErrors = new ArrayList<>();
  final List<String> filesRead = new ArrayList<>();

  /** The first state seen is the one the evaluation used. */
  void read(Kind kind, String path, String state) {
    read.putIfAbsent(new DeploymentCache.Input(kind, path), state);
  }

  Map<DeploymentCache.Input, String> states() {
    return read;
  }
}
