package dev.iamlint.hcl;

/** A syntax error found while building the tree, with where it is. */
final class HclSyntaxError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final transient SourceRange range;

  HclSyntaxError(String message, SourceRange range) {
    super(message, null, false, false);
    this.range = range;
  }
}
