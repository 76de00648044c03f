package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Serverless services scanned: a file named serverless.yml is what its content is; variables are bounded. */
class ServerlessScanTest {
  @TempDir Path dir;

  private static final String TEMPLATE = """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Admin:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Statement:
                - Effect: Allow
                  Principal: {Service: lambda.amazonaws.com}
                  Action: sts:AssumeRole
            ManagedPolicyArns:
              - arn:aws:iam::aws:policy/AdministratorAccess
      """;

  private static final String SERVICE = """
      service: s
      provider:
        name: aws
        iam:
          role:
            managedPolicies:
              - arn:aws:iam::aws:policy/AdministratorAccess
      functions:
        f:
          handler: h
      """;

  @ParameterizedTest(name = "{0} holding {1}")
  @CsvSource(delimiter = '|', textBlock = """
      serverless.yml  | template | 1
      serverless.yaml | template | 1
      serverless.yml  | service  | 1
      serverless.yaml | service  | 1
      """)
  void theContentDecidesWhatTheFileIs(String name, String content, int expected) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content.equals("template") ? TEMPLATE : SERVICE);
    List<Finding> findings = TestScans.findings(file, "ADM001");
    assertEquals(expected, findings.size(), findings::toString);
    assertEquals(name, Path.of(findings.get(0).location().file()).getFileName().toString());
  }

  /** {@code a0} refers to {@code a1} four times, {@code a1} to {@code a2} four times, ...: 4^15 copies if expanded. */
  private static String exponential(boolean asList) {
    String custom = IntStream.range(0, 15).mapToObj(i -> {
      String ref = "${self:custom.a" + (i + 1) + "}";
      return "  a" + i + ": " + (asList ? "[\"" + String.join("\", \"", ref, ref, ref, ref) + "\"]" : "\"" + ref.repeat(4) + "\"");
    }).collect(Collectors.joining("\n"));
    return "service: s\ncustom:\n" + custom + "\n  a15: x\nprovider:\n  name: aws\n  environment:\n    V: ${self:custom.a0}\n"
        + "  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: s3:GetObject\n"
        + "          Resource: ${self:custom.a0}\nfunctions:\n  f:\n    handler: h\n";
  }

  @Test
  void referencesThatRepeatAValueAreCutByALimitAndTheOtherFilesAreJudged() throws IOException {
    for (boolean asList : List.of(true, false)) {
      Path project = Files.createDirectories(dir.resolve(asList ? "lists" : "strings"));
      Files.writeString(project.resolve("serverless.yml"), exponential(asList));
      Files.writeString(project.resolve("template.yaml"), TEMPLATE);
      List<Finding> findings = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> TestScans.findings(project));
      assertEquals(1, findings.stream().filter(f -> f.ruleId().equals("ADM001") && f.location().file().endsWith("template.yaml"))
          .count(), findings::toString);
      List<Finding> limits = findings.stream().filter(f -> f.location().file().endsWith("serverless.yml")
          && f.ruleId().equals("SYN001") && f.message().contains("limit exceeded")).toList();
      assertTrue(!limits.isEmpty(), "a located note on the limit: " + findings);
      assertTrue(limits.stream().allMatch(f -> f.location().startLine() > 0), limits::toString);
    }
  }
}
