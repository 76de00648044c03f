package dev.iamlint.lsp;

import dev.iamlint.cache.DiskCache;
import dev.iamlint.cache.MemoryCache;
import dev.iamlint.cache.ParseCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The language server's warm re-diagnosis ({@code tools/bench/lsp}): one file of a module open
 * in the editor, edited again and again; each edit is judged as the server judges it (the
 * project scanned with the buffer in place of the file, the diagnostics published), in one warm
 * JVM with the server's memory cache. Prints the first (cold) diagnosis, the median and the
 * slowest of the warm ones, and the median's ratio to the 50 ms target.
 *
 * <p>Arguments: the project directory (made by {@code CorpusGenerator}: module directories of
 * {@code .tf} files), the file to edit (relative to it), the number of warm-up edits and of
 * measured edits, and the directory of the disk cache (none when absent).
 */
public final class RediagnosisBench {
  private static final double TARGET_MS = 50;

  private RediagnosisBench() {}

  public static void main(String[] args) throws IOException {
    Path project = Path.of(args[0]).toAbsolutePath().normalize();
    Path file = project.resolve(args[1]);
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    String saved = Files.readString(file);
    String uri = file.toUri().toString();
    // As the server runs: memory over the disk cache (a private one here, never the user's).
    ParseCache disk = args.length > 4 ? DiskCache.open(Path.of(args[4]), "bench", DiskCache.DEFAULT_MAX_BYTES, m -> {})
        : ParseCache.NONE;
    MemoryCache cache = MemoryCache.over(disk, LanguageServerMain.MAX_TEXT_CHARS, LanguageServerMain.MAX_KEPT_BYTES);
    int[] published = {0};
    Diagnoser diagnoser = new Diagnoser(cache, Map.of(), Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
        p -> published[0]++, m -> {});
    ProjectContext context = diagnoser.contextOf(file);

    long start = System.nanoTime();
    diagnoser.diagnose(context, Map.of(file, new TextBuffer(uri, 1, saved)));
    double cold = (System.nanoTime() - start) / 1e6;

    List<Double> times = new ArrayList<>();
    for (int i = 0; i < warmUp + runs; i++) {
      // An edit as typing makes it: the text changes, so the file is parsed and its module evaluated again.
      String edited = saved + "\n# edit " + i + "\n";
      long t = System.nanoTime();
      diagnoser.diagnose(context, Map.of(file, new TextBuffer(uri, i + 2, edited)));
      if (i >= warmUp) times.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(times);
    double median = times.get(times.size() / 2);
    long files;
    try (Stream<Path> walk = Files.walk(project)) {
      files = walk.filter(p -> p.toString().endsWith(".tf")).count();
    }
    long moduleFiles;
    try (Stream<Path> list = Files.list(file.getParent())) {
      moduleFiles = list.filter(p -> p.toString().endsWith(".tf")).count();
    }
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf(Locale.ROOT, "project: %d .tf files; edited %s (its module: %d files); %d warm-up edits, %d measured%n",
        files, project.relativize(file), moduleFiles, warmUp, runs);
    System.out.printf(Locale.ROOT, "  first diagnosis (cold JVM)               : %8.1f ms%n", cold);
    System.out.printf(Locale.ROOT, "  re-diagnosis after an edit, median      : %8.1f ms  (%.2fx the %.0f ms target; %.1fx faster than cold)%n",
        median, median / TARGET_MS, TARGET_MS, cold / median);
    System.out.printf(Locale.ROOT, "  re-diagnosis, fastest / slowest         : %8.1f / %.1f ms%n", times.get(0), times.get(times.size() - 1));
    System.out.printf(Locale.ROOT, "  heap in use after the runs              : %8.1f MB (%d cache entries); diagnostics published %d times%n",
        (rt.totalMemory() - rt.freeMemory()) / 1e6, cache.entries(), published[0]);
  }
}
