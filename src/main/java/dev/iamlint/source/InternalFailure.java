package dev.iamlint.source;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A failure of iamlint itself while reading or evaluating one input (a file, a module) is kept to
 * that input: the input is reported as not judged, in words a user can act on, and every other
 * input is still judged. A stack overflow is a nesting deeper than iamlint can follow; any other
 * failure is a bug, whose stack trace {@code --debug} prints on stderr.
 */
public final class InternalFailure {
  private InternalFailure() {}

  /** Set once by the command line (--debug); read by the threads that load files. */
  private static volatile boolean stackTraces;

  public static void showStackTraces(boolean show) {
    stackTraces = show;
  }

  /** What {@code work} gives, or what {@code failed} makes of the words for its failure. */
  public static <T> T contain(Supplier<T> work, Function<String, T> failed) {
    try {
      return work.get();
    } catch (RuntimeException | StackOverflowError e) {
      return failed.apply(describe(e));
    }
  }

  /** Words for a report: what went wrong, without Java's names for it. */
  public static String describe(Throwable t) {
    if (stackTraces) t.printStackTrace();
    if (t instanceof StackOverflowError) return "nested too deeply for iamlint to follow";
    return "an internal error in iamlint (run with --debug for the details, and please report it)";
  }
}
