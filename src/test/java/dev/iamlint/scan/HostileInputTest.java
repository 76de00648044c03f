package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory of 200 good templates and hostile files: the good files' findings are all
 * reported, each broken file gets exactly one located SYN001, nothing is constructed from a Java
 * tag, and the run stays bounded (the CLI run gets a 256 MiB heap).
 */
class HostileInputTest {
  @TempDir
  static Path dir;

  static final int GOOD = 200;

  @BeforeAll
  static void writeCorpus() throws IOException {
    for (int i = 0; i < GOOD; i++) {
      Files.writeString(dir.resolve(String.format("stack-%03d.yaml", i)), """
          AWSTemplateFormatVersion: "2010-09-09"
          Resources:
            Admin%d:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument:
                  Statement:
                    - Effect: Allow
                      Principal: { Service: ec2.amazonaws.com }
                      Action: sts:AssumeRole
                ManagedPolicyArns:
                  - arn:aws:iam::aws:policy/AdministratorAccess
          """.formatted(i));
    }
    Files.writeString(dir.resolve("tabs.yaml"),
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n\tUser:\n\t\tType: AWS::IAM::User\n");
    Files.writeString(dir.resolve("truncated.json"),
        "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"U\": {\"Type\": \"AWS::IAM::User\", \"Prop");
    Files.writeString(dir.resolve("deep.json"), "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"X\": "
        + "[".repeat(10_000) + "]".repeat(10_000) + "}}\n");
    StringBuilder bomb = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\n");
    bomb.append("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for (int level = 1; level <= 9; level++) {
      String prev = "*a" + (level - 1);
      bomb.append("a").append(level).append(": &a").append(level).append(" [")
          .append(String.join(", ", Collections.nCopies(9, prev))).append("]\n");
    }
    bomb.append("Resources: {}\n");
    Files.writeString(dir.resolve("bomb.yaml"), bomb.toString());
    Files.writeString(dir.resolve("javatag.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          X:
            Type: AWS::IAM::User
            Properties:
              UserName: !!dev.iamlint.scan.Canary ["x"]
        """);
  }

  private static Map<String, List<Finding>> syntaxErrorsByFile(List<Finding> findings) {
    return findings.stream().filter(f -> f.ruleId().equals("SYN001"))
        .collect(Collectors.groupingBy(f -> f.location().file()));
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void goodFilesAreReportedAndEachBrokenFileGetsOneLocatedSyntaxError() {
    ScanResult result = new Scanner().scan(ScanRequest.of(dir, List.of(dir)));
    long admin = result.findings().stream().filter(f -> f.ruleId().equals("ADM001")).count();
    assertEquals(GOOD, admin, "every good template's AdministratorAccess attachment");

    Map<String, List<Finding>> syntax = syntaxErrorsByFile(result.findings());
    assertEquals(List.of("bomb.yaml", "deep.json", "javatag.yaml", "tabs.yaml", "truncated.json"),
        syntax.keySet().stream().sorted().toList());
    syntax.forEach((file, list) -> assertEquals(1, list.size(), file + ": exactly one SYN001"));

    Finding tabs = syntax.get("tabs.yaml").get(0);
    assertEquals(3, tabs.location().startLine());
    assertEquals(1, tabs.location().startColumn());
    assertTrue(tabs.message().contains("\\t") || tabs.message().toLowerCase().contains("tab"), tabs.message());

    Finding truncated = syntax.get("truncated.json").get(0);
    assertEquals(4, truncated.location().startLine(), truncated.message());
    assertTrue(truncated.location().startColumn() >= 40, "at the end of the input: " + truncated.location());

    Finding deep = syntax.get("deep.json").get(0);
    assertTrue(deep.message().startsWith("limit exceeded"), deep.message());
    assertEquals(1, deep.location().startLine());
    // The 257th nesting level opens at column 53 + 255: past the limit, not at the file start.
    assertTrue(deep.location().startColumn() > 256, deep.location().toString());

    Finding bomb = syntax.get("bomb.yaml").get(0);
    assertTrue(bomb.message().startsWith("limit exceeded") && bomb.message().contains("nodes after alias expansion"),
        bomb.message());
    // 81 aliases pass the alias limit (a valid file may merge one mapping hundreds of times): the
    // expansion stops at the node limit, inside the innermost list (line 2) it copies over and over.
    assertEquals(2, bomb.location().startLine(), bomb.location().toString());

    Finding tag = syntax.get("javatag.yaml").get(0);
    assertEquals(6, tag.location().startLine());
    assertTrue(tag.message().contains("!!dev.iamlint.scan.Canary"), tag.message());
    assertFalse(Canary.constructed, "a Java type tag must never construct anything");
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void theCommandLineExitsWithOneAndPrintsNoStackTraceWithinASmallHeap() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-Xss1m", "-cp", System.getProperty("java.class.path"),
        "dev.iamlint.cli.Main", "scan", "--format", "compact", dir.toString());
    File out = Files.createTempFile("iamlint-out", ".txt").toFile();
    File err = Files.createTempFile("iamlint-err", ".txt").toFile();
    pb.redirectOutput(out).redirectError(err);
    Process p = pb.start();
    assertTrue(p.waitFor(150, TimeUnit.SECONDS), "bounded in time");
    String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
    String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
    assertEquals(1, p.exitValue(), stderr);
    assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), "no stack trace: " + stderr);
    assertEquals(GOOD, stdout.lines().filter(l -> l.contains("[ADM001]")).count());
    assertEquals(5, stdout.lines().filter(l -> l.contains("[SYN001]")).count(), stdout);
    assertFalse(Canary.constructed);
  }
}
