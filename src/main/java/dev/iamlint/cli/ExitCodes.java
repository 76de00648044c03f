package dev.iamlint.cli;

/** The exit codes scripts rely on. */
final class ExitCodes {
  static final int CLEAN = 0;
  static final int FINDINGS = 1;
  static final int ERROR = 2;

  private ExitCodes() {}
}
