package dev.iamlint.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code iamlint scan} on a generated directory in a JVM of its own, with a bounded heap
 * (the memory bound is the point: a blow-up is an OutOfMemoryError there, not a slow test here)
 * and a generous timeout, and reads its compact report.
 */
final class HostileScan {
  /** The heap every hostile scan gets; the budgets must keep evaluation well inside it. */
  static final String HEAP = "-Xmx512m";
  /** Generous: a hostile case that is bounded ends in seconds; one that is not never ends. */
  static final long TIMEOUT_SECONDS = 120;

  private HostileScan() {}

  /** What a scan printed and how it ended. */
  record Run(int exit, String stdout, String stderr) {
    /** The compact report lines of one rule. */
    List<String> lines(String rule) {
      return stdout.lines().filter(l -> l.contains("[" + rule + "]")).toList();
    }

    /** The lines of {@code rule} reported at {@code file:line:} (the file as the report names it). */
    List<String> at(String rule, String file, int line) {
      return lines(rule).stream().filter(l -> l.startsWith(file + ":" + line + ":")).toList();
    }

    void assertNoInternalError() {
      assertFalse(stderr.contains("internal error") || stderr.contains("Exception") || stderr.contains("\tat "),
          "no internal error, no stack trace: " + stderr);
    }
  }

  /** Scans {@code dir} (relative paths in the report: the working directory is {@code dir}). */
  static Run scan(Path dir, String... options) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, HEAP, "-cp", System.getProperty("java.class.path"),
        "dev.iamlint.cli.Main", "scan", "--no-cache", "--format", "compact"));
    command.addAll(List.of(options));
    command.add(".");
    File out = Files.createTempFile("iamlint-hostile-out", ".txt").toFile();
    File err = Files.createTempFile("iamlint-hostile-err", ".txt").toFile();
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out).redirectError(err).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        fail("the scan of " + dir.getFileName() + " did not end within " + TIMEOUT_SECONDS + " s");
      }
      Run run = new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8));
      assertTrue(run.exit() == 0 || run.exit() == 1, "exit " + run.exit() + ": " + run.stderr());
      return run;
    } finally {
      Files.deleteIfExists(out.toPath());
      Files.deleteIfExists(err.toPath());
    }
  }
}
