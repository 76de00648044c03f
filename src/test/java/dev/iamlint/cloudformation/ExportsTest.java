package dev.iamlint.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.tree.ParseResult;
import dev.iamlint.value.Value;
import dev.iamlint.yaml.YamlLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code Fn::ImportValue} of an export of another template of the scan: the export's value,
 * evaluated in the exporting template; unknown when the name is not known on both sides, is
 * exported more than once, or is exported by no template.
 */
class ExportsTest {
  /** The exporting template (network.yaml). */
  private static final String NETWORK = """
      AWSTemplateFormatVersion: "2010-09-09"
      Parameters:
        Env: { Type: String, Default: prod }
        NoDefault: { Type: String }
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
        Unknowable: !Equals [!Ref NoDefault, x]
        NotProd: !Not [!Condition IsProd]
      Resources:
        Role:
          Type: AWS::IAM::Role
      Outputs:
        Literal:
          Value: arn:aws:iam::aws:policy/ReadOnlyAccess
          Export: { Name: net-Literal }
        FromDefault:
          Value: !Sub "${Env}-value"
          Export: { Name: !Sub "net-${Env}" }
        FromNoDefault:
          Value: !Ref NoDefault
          Export: { Name: net-NoDefault }
        RoleName:
          Value: !Ref Role
          Export: { Name: !Join ["-", [net, RoleName]] }
        RoleArn:
          Value: !GetAtt Role.Arn
          Export: { Name: net-RoleArn }
        List:
          Value: "a,b,c"
          Export: { Name: net-List }
        StackNamed:
          Value: x
          Export: { Name: !Sub "${AWS::StackName}-Stack" }
        WhenProd:
          Condition: IsProd
          Value: prod-only
          Export: { Name: net-Conditional }
        WhenNotProd:
          Condition: NotProd
          Value: dev-only
          Export: { Name: net-Conditional }
        MaybeA:
          Condition: Unknowable
          Value: a
          Export: { Name: net-Maybe }
        MaybeB:
          Value: b
          Export: { Name: net-Maybe }
        Chained:
          Value: !ImportValue app-Value
          Export: { Name: net-Chained }
        Circle:
          Value: !ImportValue app-Circle
          Export: { Name: net-Circle }
      """;

  /** A second template (app.yaml) that exports too, and whose imports are evaluated. */
  private static final String APP = """
      AWSTemplateFormatVersion: "2010-09-09"
      Parameters:
        NetStack: { Type: String, Default: net }
        Unset: { Type: String }
      Conditions:
        Maybe: !Equals [!Ref Unset, x]
      Resources:
        Thing:
          Type: AWS::SNS::Topic
          Properties:
            V: %s
      Outputs:
        Value:
          Value: app-value
          Export: { Name: app-Value }
        Circle:
          Value: !ImportValue net-Circle
          Export: { Name: app-Circle }
        Twice:
          Value: one
          Export: { Name: net-Literal-Twice }
        Again:
          Value: two
          Export: { Name: net-Literal-Twice }
      """;

  static Template template(String file, String yaml) {
    return Template.of(file, ((ParseResult.Parsed) YamlLoader.parse(file, yaml)).root()).orElseThrow();
  }

  static Value imported(String expression, Map<String, String> parameters) {
    Template network = template("network.yaml", NETWORK);
    Template app = template("app.yaml", APP.formatted(expression));
    Exports exports = Exports.of(List.of(app, network), parameters, "aws");
    Evaluator e = new Evaluator(app, parameters, "aws", exports);
    return e.eval(app.resources().get("Thing").properties().get("V").orElseThrow());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      !ImportValue net-Literal                                   | arn:aws:iam::aws:policy/ReadOnlyAccess
      {Fn::ImportValue: net-Literal}                             | arn:aws:iam::aws:policy/ReadOnlyAccess
      !ImportValue net-prod                                      | prod-value
      {Fn::ImportValue: !Sub "${NetStack}-prod"}                 | prod-value
      {Fn::ImportValue: !Join ["-", [!Ref NetStack, prod]]}      | prod-value
      !ImportValue net-NoDefault                                 | ?(INPUT)
      !ImportValue net-RoleName                                  | ?(DEPLOY_TIME->network.yaml:Resources.Role)
      !ImportValue net-RoleArn                                   | ?(DEPLOY_TIME->network.yaml:Resources.Role.Arn)
      !ImportValue x-Stack                                       | ?(INPUT)
      {Fn::ImportValue: !Sub "${AWS::StackName}-Stack"}          | ?(INPUT)
      {Fn::ImportValue: !Sub "${Unset}-prod"}                    | ?(INPUT)
      !ImportValue net-Conditional                               | prod-only
      !ImportValue net-Maybe                                     | ?(INPUT)
      !ImportValue net-Literal-Twice                             | ?(INPUT)
      !ImportValue nobody-exports-this                           | ?(INPUT)
      !ImportValue net-Chained                                   | app-value
      !ImportValue net-Circle                                    | ?(INPUT)
      !ImportValue x-Stacks                                      | ?(INPUT)
      {Fn::ImportValue: !If [Maybe, net-prod, net-Literal]}      | oneof(prod-value;arn:aws:iam::aws:policy/ReadOnlyAccess)
      {Fn::ImportValue: !If [Maybe, net-prod, nobody]}           | oneof(prod-value;?(INPUT))
      !Select [1, !Split [",", !ImportValue net-List]]           | b
      !Join [":", [x, !ImportValue net-prod]]                    | x:prod-value
      !Sub ["${A}/y", {A: !ImportValue net-prod}]                | prod-value/y
      !Join [":", [x, !ImportValue nobody]]                      | ?(INPUT:x:_)
      !Sub ["${A}/y", {A: !ImportValue nobody}]                  | ?(INPUT:_/y)
      !Select [0, !Split [",", !ImportValue nobody]]             | ?(INPUT)
      """)
  void importsResolveToExportsOfOtherTemplates(String expression, String expected) {
    assertEquals(expected.trim(), render(imported(expression.trim(), Map.of())));
  }

  @Test
  void anImportedValueIsWhereItIsImportedAndSaysWhichExportItCameFrom() {
    Value v = imported("!ImportValue net-prod", Map.of());
    assertEquals("app.yaml", v.location().file());
    assertEquals(11, v.location().startLine());
    assertEquals(" (from imported export \"net-prod\" (network.yaml:18), via default of parameter Env (network.yaml:3))",
        v.provenance().suffix());
  }

  @Test
  void parameterValuesOfTheScanApplyToTheExportingTemplate() {
    assertEquals("dev-value", render(imported("!ImportValue net-dev", Map.of("Env", "dev"))));
    assertEquals("?(INPUT)", render(imported("!ImportValue net-prod", Map.of("Env", "dev"))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      !ImportValue net-Literal-Twice      | export "net-Literal-Twice" is defined by 2 outputs (app.yaml line 21, app.yaml line 24): which one is imported is not known
      !ImportValue nobody                 | export "nobody" of another stack (no scanned template exports it)
      !ImportValue x-Stacks               | export "x-Stacks" of another stack (no scanned template exports it)
      !ImportValue x-Stack                | export "x-Stack" of another stack (no scanned template exports it); it may be the export "…-Stack" of network.yaml (line 33), whose name is known only at deploy
      {Fn::ImportValue: !Sub "${Unset}-prod"} | the name of the imported export is not known: "…-prod" (parameter Unset has no default and no value was given)
      !ImportValue net-Circle             | exports "app-Circle", "net-Circle" import each other in a circle
      !ImportValue net-NoDefault          | parameter NoDefault has no default and no value was given
      """)
  void anImportThatDoesNotResolveSaysWhy(String expression, String reason) {
    Value v = imported(expression.trim(), Map.of());
    assertTrue(v instanceof Value.Unknown, v::toString);
    assertEquals(reason.trim(), ((Value.Unknown) v).reason());
  }

  private static String render(Value v) {
    // The scope of a reference matters here: it is the exporting template's.
    if (v instanceof Value.Unknown u && u.reference().isPresent()) {
      return "?(" + u.cause() + "->" + u.reference().get().scope() + ":" + u.reference().get().describe() + ")";
    }
    return EvaluatorTest.render(v);
  }
}
