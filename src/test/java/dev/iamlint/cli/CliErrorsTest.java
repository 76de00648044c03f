package dev.iamlint.cli;

import static dev.iamlint.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What goes wrong around a scan is exit 2 with one plain line on stderr that names the file and
 * what is wrong: never a Java class name, never a stack trace unless --debug asks for one, and
 * never a report silently lost.
 */
class CliErrorsTest {
  @TempDir
  Path dir;

  private String stack;

  @BeforeEach
  void template() throws IOException {
    stack = Files.writeString(dir.resolve("stack.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Ops:
            Type: AWS::IAM::Group
            Properties:
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/AdministratorAccess
        """).toString();
  }

  private static void oneLine(CliTest.Run r, String... words) {
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    for (String w : words) assertTrue(r.err().contains(w), w + " in " + r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("internal error") || r.err().contains("com.google"),
        r.err());
  }

  @Test
  void aMissingVarFileIsExitTwoLikeAMissingParameterFile() {
    Path missing = dir.resolve("prod.tfvars");
    CliTest.Run vars = run("scan", "--no-cache", "--var-file", missing.toString(), stack);
    oneLine(vars, "variable file", missing.toString(), "no such file");
    assertEquals("", vars.out());
    oneLine(run("scan", "--no-cache", "--parameter-file", missing.toString(), stack), "parameter file", missing.toString());
  }

  @Test
  void anInvalidBaselineIsOneLineNamingTheFileAndWhatIsWrong() throws IOException {
    Path truncated = Files.writeString(dir.resolve("truncated.json"), "{\"findings\": [{\"fingerprint\": \"ab");
    oneLine(run("scan", "--no-cache", "--baseline", truncated.toString(), stack), "cannot read baseline",
        truncated + ":1:");
    Path wrong = Files.writeString(dir.resolve("wrong.json"), "{\"findings\": [{\"fingerprint\": {\"a\": 1}}]}");
    oneLine(run("scan", "--no-cache", "--baseline", wrong.toString(), stack), wrong + ":1:", "fingerprint");
    Path list = Files.writeString(dir.resolve("list.json"), "[1, 2]");
    oneLine(run("scan", "--no-cache", "--baseline", list.toString(), stack), list.toString(), "not an iamlint baseline");
  }

  @Test
  void aReportThatCannotBeWrittenNamesTheFileAndTheReason() throws IOException {
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a directory should be\n");
    Path target = blocker.resolve("report.json");
    oneLine(run("scan", "--no-cache", "--format", "json=" + target, stack), "cannot write", target.toString());
    oneLine(run("scan", "--no-cache", "--write-baseline", target.toString(), stack), "cannot write", target.toString());
    oneLine(run("scan", "--no-cache", "--format", "sarif=" + dir, stack), "cannot write", dir.toString());
  }

  @Test
  void aFullDiskIsExitTwoNotALostReport() throws Exception {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full), "no /dev/full");
    oneLine(run("scan", "--no-cache", "--format", "json=" + full, stack), "cannot write", full.toString());

    // Standard output on a full disk, as with "> /dev/full".
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    File err = Files.createTempFile(dir, "err", ".txt").toFile();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.iamlint.cli.Main",
        "scan", "--no-cache", "--format", "compact", stack)
        .redirectOutput(full.toFile()).redirectError(err).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
    assertEquals(2, p.exitValue(), stderr);
    assertTrue(stderr.contains("cannot write the report to standard output"), stderr);
  }

  @Test
  void aStdoutThatFailsIsExitTwo() {
    PrintWriter broken = new PrintWriter(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    });
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"scan", "--no-cache", "--format", "json", stack}, broken, new PrintWriter(err));
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains("cannot write the report to standard output"), err.toString());
    StringWriter rulesErr = new StringWriter();
    assertEquals(2, Main.run(new String[] {"rules"}, broken, new PrintWriter(rulesErr)));
    assertTrue(rulesErr.toString().contains("standard output"), rulesErr.toString());
  }

  @CommandLine.Command(name = "iamlint", subcommands = Failing.class)
  static final class Top implements Callable<Integer> {
    @Override
    public Integer call() {
      return 0;
    }
  }

  @CommandLine.Command(name = "scan")
  static final class Failing implements Callable<Integer> {
    @CommandLine.Option(names = "--debug")
    boolean debug;

    @Override
    public Integer call() {
      throw new IllegalStateException("a bug");
    }
  }

  @Test
  void debugPrintsTheStackTraceItPromises() {
    StringWriter out = new StringWriter();
    StringWriter quiet = new StringWriter();
    assertEquals(2, Main.run(new String[] {"scan"}, new CommandLine(new Top()), new PrintWriter(out), new PrintWriter(quiet)));
    assertTrue(quiet.toString().startsWith("iamlint: internal error: ") && quiet.toString().contains("--debug"), quiet.toString());
    assertFalse(quiet.toString().contains("\tat "), quiet.toString());

    StringWriter debug = new StringWriter();
    assertEquals(2, Main.run(new String[] {"scan", "--debug"}, new CommandLine(new Top()), new PrintWriter(out),
        new PrintWriter(debug)));
    assertTrue(debug.toString().contains("IllegalStateException: a bug") && debug.toString().contains("\tat "), debug.toString());
  }
}
