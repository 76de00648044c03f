package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A file named serverless.yml is read as what its content is: a Serverless service or a CloudFormation template. */
class ServerlessNameTest {
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
}
