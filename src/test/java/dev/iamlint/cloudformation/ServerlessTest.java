package dev.iamlint.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

import dev.iamlint.tree.ParseResult;
import dev.iamlint.value.Value;
import dev.iamlint.yaml.YamlLoader;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Serverless Framework variables: resolved from the file itself, or unknown with the reason. */
class ServerlessTest {
  private static final String SERVICE = """
      service: s
      custom:
        name: orders
        key: name
        nested: ${self:custom.name}-table
        loop: ${self:custom.loop}
      provider:
        name: aws
        stage: prod
        environment:
          V: %s
      functions:
        f:
          handler: h
      """;

  private static String value(String expression) {
    ParseResult.Parsed parsed = (ParseResult.Parsed) YamlLoader.parse("serverless.yml", SERVICE.formatted(expression));
    Template t = Serverless.template("serverless.yml", parsed.root(), "").orElseThrow();
    Evaluator e = new Evaluator(t, Map.of(), "aws");
    Value env = e.eval(t.resources().get("FLambdaFunction").properties().get("Environment").orElseThrow());
    Value v = ((Value.MapV) ((Value.MapV) env).get("Variables").orElseThrow()).get("V").orElseThrow();
    return EvaluatorTest.render(v) + (v instanceof Value.Unknown u ? " " + u.reason() : "");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ${self:custom.name}                  | orders
      "table/${self:custom.nested}"        | table/orders-table
      ${sls:stage}                         | prod
      "${opt:stage, 'dev'}"                | dev
      "${opt:region, self:provider.stage}" | prod
      ${opt:stage}                         | ?(INPUT) ${opt:stage} is the command-line option --stage of the deploy
      "arn:${env:PARTITION}:x"             | ?(INPUT:arn:_:x) ${env:PARTITION} is the environment variable PARTITION of the deploy
      ${ssm:/a/b}                          | ?(INPUT) ${ssm:/a/b} is read from SSM Parameter Store at deploy
      ${cf:other.Output}                   | ?(INPUT) ${cf:other.Output} is read from the outputs of another CloudFormation stack at deploy
      ${self:custom.loop}                  | ?(INPUT) ${self:custom.loop} is not set in the file
      ${self:custom.missing}               | ?(INPUT) ${self:custom.missing} is not set in the file
      "${AWS::Region}-${Name}"             | ${AWS::Region}-${Name}
      "${opt:region, ${self:custom.name}}" | orders
      "${self:custom.${self:custom.key}}"  | orders
      "t-${opt:stage, ${self:custom.${self:custom.key}}}-x" | t-orders-x
      "${opt:region, ${env:R}}"            | ?(INPUT) ${env:R} is the environment variable R of the deploy
      "a-${self:custom.${env:K}}"          | ?(INPUT:a-_) ${env:K} is the environment variable K of the deploy
      "${opt:region, ${self:custom.missing}, 'dev'}" | dev
      """)
  void variables(String expression, String expected) {
    assertEquals(expected, value(expression));
  }

  @Test
  void variablesNestedThousandsDeepAreNotKnownNeverACrash() {
    String deep = "${opt:a, ".repeat(5000) + "'x'" + "}".repeat(5000);
    assertEquals("?(INPUT) a variable nested more than 16 deep is not resolved", value("\"" + deep + "\""));
    assertEquals("?(INPUT:p-_-q) a variable nested more than 16 deep is not resolved", value("\"p-" + deep + "-q\""));
  }

  private static List<String> resources(String yaml) {
    ParseResult.Parsed parsed = (ParseResult.Parsed) YamlLoader.parse("serverless.yml", yaml);
    Template t = Serverless.template("serverless.yml", parsed.root(), "").orElseThrow();
    return t.resources().values().stream().map(r -> r.logicalId() + ":" + r.type()).toList();
  }

  @Test
  void theSharedRoleIsCreatedOnlyForAFunctionWithoutRoleWhenTheProviderNamesNone() {
    String functions = "functions:\n  send-mail:\n    handler: h\n";
    assertEquals(List.of("IamRoleLambdaExecution:AWS::IAM::Role", "SendDashmailLambdaFunction:AWS::Lambda::Function"),
        resources("service: s\nprovider:\n  name: aws\n" + functions));
    assertEquals(List.of("SendDashmailLambdaFunction:AWS::Lambda::Function"),
        resources("service: s\nprovider:\n  name: aws\n  iam:\n    role: arn:aws:iam::123456789012:role/existing\n" + functions),
        "the provider names an existing role");
    assertEquals(List.of("SendDashmailLambdaFunction:AWS::Lambda::Function"),
        resources("service: s\nprovider:\n  name: aws\n  role: arn:aws:iam::123456789012:role/existing\n" + functions),
        "the same in v1/v2");
    assertEquals(List.of(), resources("service: s\nprovider:\n  name: aws\n  iam:\n    role:\n      statements: []\n"),
        "no function, no role");
  }
}
