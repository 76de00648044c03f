package dev.iamlint.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.tree.ParseResult;
import dev.iamlint.value.Value;
import dev.iamlint.yaml.YamlLoader;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {
  private static final String TEMPLATE = """
      AWSTemplateFormatVersion: "2010-09-09"
      Parameters:
        Env: { Type: String, Default: prod }
        NoDefault: { Type: String }
        Names: { Type: CommaDelimitedList, Default: "a,b,c" }
      Mappings:
        Accounts:
          prod: { Id: "111111111111" }
          dev: { Id: "222222222222" }
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
        IsDev: !Not [!Condition IsProd]
        Unknowable: !Equals [!Ref NoDefault, x]
        Both: !And [!Condition IsProd, !Condition Unknowable]
      Resources:
        Role:
          Type: AWS::IAM::Role
          Properties:
            V: %s
      """;

  /** Renders values compactly: strings bare, unknowns as ?(cause[:partial]), one-of as a|b. */
  static String render(Value v) {
    if (v instanceof Value.Str s) return s.value();
    if (v instanceof Value.Num n) return n.value().toPlainString();
    if (v instanceof Value.Bool b) return Boolean.toString(b.value());
    if (v instanceof Value.Null) return "null";
    if (v instanceof Value.ListV l) return l.items().stream().map(EvaluatorTest::render).collect(Collectors.joining(",", "[", "]"));
    if (v instanceof Value.MapV m) return m.entries().stream().map(e -> e.key() + "=" + render(e.value())).collect(Collectors.joining(",", "{", "}"));
    if (v instanceof Value.OneOf o) return o.alternatives().stream().map(EvaluatorTest::render).collect(Collectors.joining(";", "oneof(", ")"));
    Value.Unknown u = (Value.Unknown) v;
    return "?(" + u.cause() + u.partial().map(p -> ":" + p.replace(Value.Unknown.HOLE, '_')).orElse("")
        + u.reference().map(r -> "->" + r.describe()).orElse("") + ")";
  }

  static Value eval(String expression, Map<String, String> parameters) {
    String yaml = TEMPLATE.formatted(expression);
    ParseResult.Parsed parsed = (ParseResult.Parsed) YamlLoader.parse("t.yaml", yaml);
    Template t = Template.of("t.yaml", parsed.root()).orElseThrow();
    Evaluator e = new Evaluator(t, parameters, "aws");
    return e.eval(t.resources().get("Role").properties().get("V").orElseThrow());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "!Ref Env                                        | prod",
      "!Ref NoDefault                                  | ?(INPUT)",
      "!Ref Names                                      | [a,b,c]",
      "!Ref AWS::Partition                             | aws",
      "!Ref AWS::AccountId                             | ?(DEPLOY_TIME)",
      "!Ref Role                                       | ?(DEPLOY_TIME->Resources.Role)",
      "!Ref Missing                                    | ?(UNDECLARED->Resources.Missing)",
      "!GetAtt Role.Arn                                | ?(DEPLOY_TIME->Resources.Role.Arn)",
      "!GetAtt Ghost.Arn                               | ?(UNDECLARED->Resources.Ghost.Arn)",
      "!Sub 'arn:${AWS::Partition}:iam::aws:policy/X'  | arn:aws:iam::aws:policy/X",
      "!Sub 'arn:aws:iam::${AWS::AccountId}:root'      | ?(DEPLOY_TIME:arn:aws:iam::_:root)",
      "!Sub ['${A}-${Env}', {A: x}]                    | x-prod",
      "!Sub '${!Literal}'                              | ${Literal}",
      "!Sub '${Role.Arn}'                              | ?(DEPLOY_TIME:_->Resources.Role.Arn)",
      "!Join ['', ['arn:', !Ref AWS::Partition, ':iam']] | arn:aws:iam",
      "!Join [',', !Ref Names]                         | a,b,c",
      "!Select [1, !Ref Names]                         | b",
      "!Select [1, !Split [',', 'x,y']]                | y",
      "!FindInMap [Accounts, !Ref Env, Id]             | 111111111111",
      "!FindInMap [Accounts, !Ref NoDefault, Id]       | oneof(111111111111;222222222222)",
      "!FindInMap [Accounts, !Ref NoDefault, Id, {DefaultValue: none}] | oneof(111111111111;222222222222;none)",
      "!FindInMap [Accounts, !Ref Env, Id, {DefaultValue: none}]       | 111111111111",
      "!FindInMap [Accounts, absent, Id, {DefaultValue: none}]         | none",
      "!If [IsProd, yes-prod, not-prod]                | yes-prod",
      "!If [IsDev, dev, not-dev]                       | not-dev",
      "!If [Unknowable, a, b]                          | oneof(a;b)",
      "!If [Both, a, b]                                | oneof(a;b)",
      "[a, !Ref AWS::NoValue, b]                       | [a,b]",
      "{K: !Ref AWS::NoValue, L: 1}                    | {L=1}",
      "\"{{resolve:secretsmanager:pw}}\"               | ?(DYNAMIC_REFERENCE:_)",
      "!Base64 'echo hi'                               | echo hi",
      "!ImportValue Shared                             | ?(INPUT)",
      "!Join ['', ['arn:', !ImportValue Shared]]          | ?(INPUT:arn:_)",
      "!GetAZs ''                                      | ?(DEPLOY_TIME)",
  })
  void intrinsics(String expression, String expected) {
    assertEquals(expected.trim(), render(eval(expression.trim(), Map.of())));
  }

  @Test
  void givenParametersOverrideDefaultsAndSayWhereTheyCameFrom() {
    Value v = eval("!Ref Env", Map.of("Env", "dev"));
    assertEquals("dev", render(v));
    assertEquals(" (from value of parameter Env given on the command line)", v.provenance().suffix());
    Value d = eval("!Ref Env", Map.of());
    assertEquals(" (from default of parameter Env (t.yaml:3))", d.provenance().suffix());
    assertEquals(19, d.location().startLine(), "located where it is used");
  }
}
