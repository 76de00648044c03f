package dev.iamlint.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Per-file work of the loaders (parsing, mapping) on a few threads with deep stacks: parsers and
 * evaluators recurse as deep as the input nests, deeper than a pool thread's default stack.
 */
public final class Parallel {
  private Parallel() {}

  private static final long STACK_BYTES = 16L * 1024 * 1024;

  /**
   * {@code work} applied to each item on at most {@code threads} threads named {@code name}, the
   * results in the items' order; a failure is rethrown as it was thrown.
   */
  public static <T, R> List<R> map(int threads, String name, List<T> items, Function<T, R> work) {
    if (items.isEmpty()) return List.of();
    // One item or one thread still runs on a thread of this pool: the caller's stack may be a
    // default one, too shallow for what the input nests.
    int n = Math.max(1, Math.min(threads, items.size()));
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(null, r, name, STACK_BYTES);
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) futures.add(pool.submit(() -> work.apply(item)));
      List<R> out = new ArrayList<>();
      for (Future<R> f : futures) out.add(f.get());
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
