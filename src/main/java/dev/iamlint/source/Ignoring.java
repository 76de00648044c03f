package dev.iamlint.source;

/**
 * What a directory walk leaves out besides the config's {@code exclude} globs and {@code .git}
 * (always left out). A path named explicitly is read whatever this says; inside it, it applies.
 */
public enum Ignoring {
  /**
   * The default: what {@code .gitignore} files and {@code .git/info/exclude} ignore, and the
   * default build folders ({@link Discovery#BUILD_FOLDERS}).
   */
  IGNORED_AND_BUILD_FOLDERS,
  /** {@code --no-ignore}: every directory but {@code .git}. */
  NOTHING
}
