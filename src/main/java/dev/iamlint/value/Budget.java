package dev.iamlint.value;

import dev.iamlint.source.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one evaluation may spend: the evaluation of a Terraform root module with its module calls,
 * or of a CloudFormation template. Configurations are small programs, and a file from a pull
 * request can ask for a list of 2^40 elements in forty lines; these limits stop that long before
 * the machine runs out of memory or time, and far above anything a real configuration reaches
 * (the largest real repositories we measured use a few hundred elements per value and well under
 * a tenth of the steps).
 *
 * <p>Past a limit the value is {@link Value.Cause#LIMIT unknown} with the reason ("evaluation
 * limit: a list of more than 100,000 elements"): what depends on it is not judged, and the place
 * is reported once ({@link #notes}). The rest of the configuration is evaluated as usual: once
 * the steps are spent, each top-level evaluation (an argument, a local, an output) still gets
 * {@link #STEPS_AFTER_LIMIT} steps, so that a cheap resource written after a costly one is still
 * judged, and the total stays proportional to the size of the configuration.
 *
 * <p>Not thread-safe: one evaluation runs on one thread.
 */
public final class Budget {
  /** Elements of one list, map or set, and instances of one {@code count} or {@code for_each}. */
  public static final int MAX_ELEMENTS = 100_000;
  /** Characters of one string (4 MiB): half what one value may hold. */
  public static final int MAX_STRING = 4 * 1024 * 1024;
  /** The {@link Value#weight} of one value: what a reader of it walks, shared parts counted each time. */
  public static final int MAX_WEIGHT = 1_000_000;
  /** Steps of one evaluation: expressions evaluated, loop iterations, weight of what functions build. */
  public static final long MAX_STEPS = 10_000_000;
  /** Steps each top-level evaluation may still take once {@link #MAX_STEPS} are spent. */
  public static final long STEPS_AFTER_LIMIT = 1_000;
  /** Digits of one number, as {@link Numbers} reads them (Terraform computes with 512-bit floats, about 155 digits). */
  public static final int MAX_DIGITS = Numbers.MAX_DIGITS;
  /**
   * How many characters of text weigh as much as one value (and count as one step when built):
   * about the memory a value takes, so that what the steps allow stays well inside a small heap.
   */
  public static final int CHARACTERS_PER_UNIT = 8;

  /** A place where evaluation stopped, and why ("a list of more than 100,000 elements"). */
  public record Note(Location location, String limit) {
    /** The finding's message. */
    public String message() {
      return "limit exceeded: evaluation of " + limit + "; the value is not known, and what depends on it is not judged";
    }
  }

  /**
   * A limit reached: thrown where it is detected, turned into an unknown value by the evaluator
   * ({@link #cut}). {@code limit} says which ("a string of more than 4,194,304 characters").
   */
  public static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String limit;
    private final boolean steps;

    private Exceeded(String limit, boolean steps) {
      super(limit, null, false, false);
      this.limit = limit;
      this.steps = steps;
    }

    public String limit() {
      return limit;
    }

    /** A limit reached before evaluation (while a front end expanded its own variables): {@code limit} says which. */
    public static Exceeded reached(String limit) {
      return new Exceeded(limit, false);
    }
  }

  private final int maxDepth;
  private final long maxSteps;
  private long spent;
  private long frameStart;
  private int depth;
  /** A top-level evaluation already cut for running out of steps: its further steps are not noted again. */
  private boolean frameCut;
  private final Map<Location, Note> notes = new LinkedHashMap<>();

  /** {@code maxDepth}: how deep evaluations may nest (the evaluator's recursion). */
  public Budget(int maxDepth) {
    this(maxDepth, MAX_STEPS);
  }

  Budget(int maxDepth, long maxSteps) {
    this.maxDepth = maxDepth;
    this.maxSteps = maxSteps;
  }

  /**
   * Enters one evaluation (an expression); the outermost one starts a top-level evaluation. Throws,
   * without entering, when evaluations nest deeper than the evaluator allows; else pair it with
   * {@link #exit}.
   */
  public void enter() {
    if (depth >= maxDepth) throw new Exceeded("expressions nested more than " + String.format("%,d", maxDepth) + " deep", false);
    if (depth == 0) {
      frameStart = spent;
      frameCut = false;
    }
    depth++;
  }

  public void exit() {
    depth--;
  }

  /**
   * Counts {@code steps}. Once the steps are spent, throws when the top-level evaluation under way
   * has taken more than its share after that; outside any evaluation (the instances of a
   * {@code for_each}, say), when {@code steps} alone are more than that share.
   */
  public void charge(long steps) {
    spent += steps;
    if (spent <= maxSteps) return;
    long taken = depth == 0 ? steps : spent - frameStart;
    if (taken > STEPS_AFTER_LIMIT) {
      if (depth == 0) frameCut = false;
      throw new Exceeded("more than " + String.format("%,d", maxSteps) + " steps", true);
    }
  }

  /** Throws when a list or map of {@code n} elements is more than one may hold. */
  public static void elements(long n, String what) {
    if (n > MAX_ELEMENTS) throw new Exceeded(what + " of more than " + String.format("%,d", MAX_ELEMENTS) + " elements", false);
  }

  /** Throws: a block would have more instances ({@code count}, {@code for_each}) than one may have. */
  public static void instances() {
    throw new Exceeded("more than " + String.format("%,d", MAX_ELEMENTS) + " instances of one block", false);
  }

  /** Throws when a number has more digits than one may have ({@link #MAX_DIGITS}). */
  public static void digits(BigDecimal n) {
    // Digits as written out: 1e999999999 is one significant digit and a billion characters of text.
    if (!Numbers.inRange(n)) digits(MAX_DIGITS + 1L);
  }

  /** Throws when a number of {@code n} digits has more than one may have. */
  public static void digits(long n) {
    if (n > MAX_DIGITS) throw new Exceeded("a number of more than " + String.format("%,d", MAX_DIGITS) + " digits", false);
  }

  /** Throws: a regular expression match read its text more than {@code reads} times (backtracking). */
  public static void matching(long reads) {
    throw new Exceeded("a regular expression match of more than " + String.format("%,d", reads) + " steps", false);
  }

  /** Throws when a string of {@code n} characters is longer than one may be. */
  public static void characters(long n) {
    if (n > MAX_STRING) throw new Exceeded("a string of more than " + String.format("%,d", MAX_STRING) + " characters", false);
  }

  /** Throws when {@code n} values, all levels counted, are more than one value may hold. */
  public static void weight(long n) {
    if (n > MAX_WEIGHT) throw new Exceeded("a value of more than " + String.format("%,d", MAX_WEIGHT) + " elements in all", false);
  }

  /** Throws when {@code v} holds more than one value may ({@link Value#weight}), or is a list or map of too many elements. */
  public static Value checked(Value v) {
    if (v instanceof Value.ListV l) elements(l.items().size(), "a list");
    if (v instanceof Value.MapV m) elements(m.entries().size(), "a map");
    if (v instanceof Value.Str s) characters(s.value().length());
    if (v instanceof Value.Num n) digits(n.value());
    weight(v.weight());
    return v;
  }

  /**
   * The unknown value a limit gives at {@code at}, noting the place once (a limit on steps once
   * per top-level evaluation: every expression after it in that evaluation is cut as well).
   */
  public Value.Unknown cut(Exceeded e, Location at) {
    if (!e.steps || !frameCut) notes.putIfAbsent(at, new Note(at, e.limit));
    if (e.steps) frameCut = true;
    return new Value.Unknown(Value.Cause.LIMIT, "evaluation limit: " + e.limit, Optional.empty(), Optional.empty(), at,
        Provenance.LITERAL);
  }

  /** Where evaluation stopped, in the order it happened, one note per place. */
  public List<Note> notes() {
    return new ArrayList<>(notes.values());
  }

  /** Whether {@code v} is, or holds, a value cut by a limit. */
  public static boolean isCut(Value v) {
    return v instanceof Value.Unknown u && u.cause() == Value.Cause.LIMIT;
  }

  /** {@code a + b}, at most {@link Integer#MAX_VALUE}. */
  static int add(int a, int b) {
    long sum = (long) a + b;
    return sum > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) sum;
  }
}
