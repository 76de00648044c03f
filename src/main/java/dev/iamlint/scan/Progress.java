package dev.iamlint.scan;

import java.util.EnumMap;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a running scan has done, for a progress line on a terminal: written by the scan, read by
 * the thread that draws the line.
 */
public final class Progress {
  /** The stages of a scan, in order. */
  public enum Stage {
    DISCOVERING("finding files"), READING("reading files"), EVALUATING("parsing and evaluating Terraform"),
    CHECKING("checking rules"), DONE("done");

    private final String label;

    Stage(String label) {
      this.label = label;
    }
  }

  private volatile Stage stage = Stage.DISCOVERING;
  private long stageStart = System.nanoTime();
  private final EnumMap<Stage, Long> spent = new EnumMap<>(Stage.class);
  private volatile int files;
  private final AtomicInteger read = new AtomicInteger();
  private volatile int rules;
  private final AtomicInteger checked = new AtomicInteger();

  synchronized void stage(Stage s) {
    long now = System.nanoTime();
    spent.merge(stage, now - stageStart, Long::sum);
    stageStart = now;
    stage = s;
  }

  /** How long each stage took so far (what --debug shows): "finding files 84 ms, reading files 20 ms, ...". */
  public synchronized String times() {
    StringBuilder out = new StringBuilder();
    spent.forEach((s, nanos) -> {
      if (s == Stage.DONE) return;
      out.append(out.length() == 0 ? "" : ", ").append(s.label).append(' ').append(nanos / 1_000_000).append(" ms");
    });
    return out.toString();
  }

  void files(int total) {
    files = total;
    read.set(0);
  }

  void fileRead() {
    read.incrementAndGet();
  }

  void rules(int total) {
    rules = total;
    checked.set(0);
  }

  void ruleChecked() {
    checked.incrementAndGet();
  }

  public Stage stage() {
    return stage;
  }

  /** One line: the stage, its count, the time so far ({@code elapsedMillis}). */
  public String line(long elapsedMillis) {
    Stage s = stage;
    String count = switch (s) {
      case READING -> " " + read.get() + "/" + files;
      case CHECKING -> " " + checked.get() + "/" + rules;
      case EVALUATING -> " (" + files + " files)";
      default -> "";
    };
    return String.format(Locale.ROOT, "iamlint: %s%s, %.1f s", s.label, count, elapsedMillis / 1000.0);
  }
}
