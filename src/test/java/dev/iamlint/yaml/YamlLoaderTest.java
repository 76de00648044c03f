package dev.iamlint.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {

  /** Renders a tree compactly: maps as {k: v}, lists as [a, b], scalars as text. */
  static String render(Node n) {
    if (n instanceof ScalarNode s) return s.text();
    if (n instanceof ListNode l) return l.items().stream().map(YamlLoaderTest::render).collect(Collectors.joining(", ", "[", "]"));
    MapNode m = (MapNode) n;
    return m.entries().stream().map(e -> e.name() + ": " + render(e.value())).collect(Collectors.joining(", ", "{", "}"));
  }

  static Node parse(String yaml) {
    ParseResult r = YamlLoader.parse("t.yaml", yaml);
    if (r instanceof ParseResult.Failed f) throw new AssertionError(f.message() + " at " + f.location());
    return ((ParseResult.Parsed) r).root();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "!Ref Name                       | {Ref: Name}",
      "!Condition IsProd               | {Condition: IsProd}",
      "!GetAtt Role.Arn                | {Fn::GetAtt: [Role, Arn]}",
      "!GetAtt Stack.Outputs.Name      | {Fn::GetAtt: [Stack, Outputs.Name]}",
      "!GetAtt [Role, Arn]             | {Fn::GetAtt: [Role, Arn]}",
      "!Sub 'arn:${AWS::Partition}:x'  | {Fn::Sub: arn:${AWS::Partition}:x}",
      "!Sub ['${A}', {A: b}]           | {Fn::Sub: [${A}, {A: b}]}",
      "!Join [':', [a, b]]             | {Fn::Join: [:, [a, b]]}",
      "!Select [0, !GetAZs '']         | {Fn::Select: [0, {Fn::GetAZs: }]}",
      "!Split [',', 'a,b']             | {Fn::Split: [,, a,b]}",
      "!If [C, a, !Ref AWS::NoValue]   | {Fn::If: [C, a, {Ref: AWS::NoValue}]}",
      "!Equals [a, b]                  | {Fn::Equals: [a, b]}",
      "!Not [!Equals [a, b]]           | {Fn::Not: [{Fn::Equals: [a, b]}]}",
      "!And [!Condition A, !Condition B] | {Fn::And: [{Condition: A}, {Condition: B}]}",
      "!Or [!Condition A, !Condition B]  | {Fn::Or: [{Condition: A}, {Condition: B}]}",
      "!FindInMap [M, K, V]            | {Fn::FindInMap: [M, K, V]}",
      "!Base64 text                    | {Fn::Base64: text}",
      "!Cidr [10.0.0.0/16, 4, 8]       | {Fn::Cidr: [10.0.0.0/16, 4, 8]}",
      "!ImportValue Shared             | {Fn::ImportValue: Shared}",
      "!Transform {Name: M}            | {Fn::Transform: {Name: M}}",
      "!ValueOf [Subnets, VpcId]       | {Fn::ValueOf: [Subnets, VpcId]}",
      "!ValueOfAll [T, Tags]           | {Fn::ValueOfAll: [T, Tags]}",
      "!RefAll AWS::EC2::VPC::Id       | {Fn::RefAll: AWS::EC2::VPC::Id}",
      "!EachMemberEquals [a, b]        | {Fn::EachMemberEquals: [a, b]}",
      "!EachMemberIn [a, b]            | {Fn::EachMemberIn: [a, b]}",
      "!Contains [[a], a]              | {Fn::Contains: [[a], a]}",
      "!Rain::Embed handler.py         | {Rain::Embed: handler.py}",
      "!Rain::S3 {Path: src}           | {Rain::S3: {Path: src}}",
  })
  void shortFormTagsBecomeLongForms(String yaml, String expected) {
    assertEquals(expected.trim(), render(parse("v: " + yaml.trim())).replaceFirst("^\\{v: ", "").replaceFirst("}$", ""));
  }

  /**
   * org-formation's own tags are its directives (found on public repositories). A tag only
   * org-formation defines ({@code !ReadFile}, {@code !CopyValue} ...) marks its template whatever
   * the version line: org-formation deploys plain-version templates its task files name (its own
   * integration tests do). Any other tag is a directive only in a template marked as org-formation's.
   */
  @Test
  void orgFormationTagsAreItsDirectives() {
    String body = "Resources:\n  P:\n    Properties:\n      Content: !ReadFile ./policy.json\n";
    assertEquals("{AWSTemplateFormatVersion: 2010-09-09-OC, Resources: {P: {Properties: {Content: {OC::ReadFile: ./policy.json}}}}}",
        render(parse("AWSTemplateFormatVersion: '2010-09-09-OC'\n" + body)));
    assertEquals("{AWSTemplateFormatVersion: 2010-09-09, Resources: {P: {Properties: {Content: {OC::ReadFile: ./policy.json}}}}}",
        render(parse("AWSTemplateFormatVersion: '2010-09-09'\n" + body)));
    String other = "Resources:\n  P:\n    Properties:\n      Content: !Unknown ./policy.json\n";
    assertEquals("{AWSTemplateFormatVersion: 2010-09-09-OC, Resources: {P: {Properties: {Content: {OC::Unknown: ./policy.json}}}}}",
        render(parse("AWSTemplateFormatVersion: '2010-09-09-OC'\n" + other)));
    ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class,
        YamlLoader.parse("t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n" + other));
    assertTrue(f.message().contains("unsupported YAML tag !Unknown"), f.message());
  }

  /** org-formation also takes the plain version: a top-level key of its own marks its template (found on a public repository). */
  @Test
  void orgFormationKeysMarkItsTemplatesOfThePlainVersion() {
    String head = "AWSTemplateFormatVersion: '2010-09-09'\n";
    String body = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    OrganizationBinding: !Ref Logs\n";
    assertEquals("{AWSTemplateFormatVersion: 2010-09-09, Organization: {OC::Include: ../organization.yml}, "
            + "OrganizationBindings: {Logs: {Account: *}}, Resources: {B: {Type: AWS::S3::Bucket, OrganizationBinding: {Ref: Logs}}}}",
        render(parse(head + "Organization: !Include ../organization.yml\nOrganizationBindings:\n  Logs:\n    Account: '*'\n" + body)));
    // A key of that name below the top level is not the mark.
    ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class,
        YamlLoader.parse("t.yaml", head + "Resources:\n  P:\n    Properties:\n      Organization: !Unknown x.yml\n"));
    assertTrue(f.message().contains("unsupported YAML tag !Unknown"), f.message());
  }

  @Test
  void positionsAreOneBasedAndBlockCollectionsEndAtTheirLastChild() {
    MapNode root = (MapNode) parse("Resources:\n  User:\n    Type: AWS::IAM::User\n\nOutputs: {}\n");
    MapNode.Entry user = root.map("Resources").orElseThrow().entries().get(0);
    assertEquals(2, user.key().location().startLine());
    assertEquals(3, user.key().location().startColumn());
    assertEquals(3, user.span().endLine(), "the resource ends on its last line, not at the next key");
    ScalarNode type = (ScalarNode) ((MapNode) user.value()).get("Type").orElseThrow();
    assertEquals(3, type.location().startLine());
    assertEquals(11, type.location().startColumn());
  }

  @Test
  void scalarsKeepTheirKind() {
    MapNode m = (MapNode) parse("a: true\nb: 'true'\nc: 12\nd: ~\ne: 2012-10-17\n");
    assertEquals(ScalarNode.Kind.BOOLEAN, ((ScalarNode) m.get("a").orElseThrow()).kind());
    assertEquals(ScalarNode.Kind.STRING, ((ScalarNode) m.get("b").orElseThrow()).kind());
    assertEquals(ScalarNode.Kind.NUMBER, ((ScalarNode) m.get("c").orElseThrow()).kind());
    assertEquals(ScalarNode.Kind.NULL, ((ScalarNode) m.get("d").orElseThrow()).kind());
    // YAML 1.1 would make this a timestamp; CloudFormation reads it as the policy version string.
    assertEquals("2012-10-17", ((ScalarNode) m.get("e").orElseThrow()).text());
    assertEquals(ScalarNode.Kind.STRING, ((ScalarNode) m.get("e").orElseThrow()).kind());
  }

  /** YAML 1.1 merge keys, which sam, the AWS CLI's package and the Serverless Framework resolve before deploying. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a mapping            | d: &d {a: 1, b: 2}\\nm: {<<: *d, c: 3}        | {a: 1, b: 2, c: 3}",
      "own keys win         | d: &d {a: 1, b: 2}\\nm: {<<: *d, b: 9}        | {a: 1, b: 9}",
      "first mapping wins   | x: &x {a: 1}\\ny: &y {a: 2, b: 2}\\nm: {<<: [*x, *y]} | {a: 1, b: 2}",
      "inline mapping       | m: {<<: {a: 1}, b: 2}                          | {a: 1, b: 2}",
      "quoted key is a key  | m: {\"<<\": {a: 1}}                            | {<<: {a: 1}}",
  })
  void mergeKeysBringInTheMergedEntries(String name, String yaml, String expected) {
    MapNode root = (MapNode) parse(yaml.replace("\\n", "\n"));
    assertEquals(expected, render(root.entry("m").orElseThrow().value()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "merge of a scalar    | m:\\n  <<: 1\\n  a: 2           | 2 | 7 | merge key",
      "unknown short tag    | v: !Foo x                    | 1 | 4 | unsupported YAML tag !Foo",
      "rain without a name  | v: !Rain:: x                 | 1 | 4 | unsupported YAML tag !Rain::",
      "java type tag        | v: !!java.io.File [x]        | 1 | 4 | unsupported YAML tag !!java.io.File",
      "unclosed sequence    | a: [1, 2\\nb: 3              | 2 | 2 | ',' or ']'",
      "tab indentation      | a:\\n\\tb: 1                 | 2 | 1 | \\t",
      "two documents        | a: 1\\n---\\nb: 2            | 2 | 1 | single document",
  })
  void syntaxErrorsAreLocated(String name, String yaml, int line, int column, String words) {
    ParseResult r = YamlLoader.parse("t.yaml", yaml.replace("\\n", "\n").replace("\\t", "\t"));
    ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class, r);
    assertEquals(line, f.location().startLine(), f.message());
    assertEquals(column, f.location().startColumn(), f.message());
    assertTrue(f.message().contains(words), f.message());
    assertEquals(words.startsWith("unsupported YAML tag") ? ParseResult.Problem.UNSUPPORTED_TAG : ParseResult.Problem.SYNTAX,
        f.problem());
  }

  /**
   * An escaped slash in a double-quoted scalar is YAML 1.2, but CloudFormation's reader refuses
   * it ("Template format error: YAML not well-formed", cfn-lint issue 1549): a syntax error, at
   * the escape. (A JSON template may escape the slash: JSON allows it.)
   */
  @Test
  void anEscapedSlashIsASyntaxErrorAsCloudFormationSays() {
    ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class,
        YamlLoader.parse("t.yaml", "Parameters:\n  P:\n    AllowedPattern: \"^$|^\\/[a-z]+$\"\n"));
    assertEquals(3, f.location().startLine(), f.message());
    assertTrue(f.message().contains("unknown escape character /"), f.message());
  }

  /** YAML 1.2 parsers (js-yaml, the Serverless Framework's) take a tab after a line's last token. */
  @Test
  void tabsThatEndALineAreWhiteSpace() {
    MapNode root = (MapNode) parse("a: [1, 2]\t\nb: \"x\"\t \nc:\n  - d \t\n");
    assertEquals("{a: [1, 2], b: x, c: [d]}", render(root));
    assertEquals(2, root.entry("b").orElseThrow().value().location().startLine());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a tab ends the line             | a: 1 \\t\\nb: 2      | a: 1\\nb: 2
      spaces alone stay               | a: 1  \\nb: 2\\t     | a: 1  \\nb: 2
      CRLF kept                       | a: 1\\t\\r\\nb: 2    | a: 1\\r\\nb: 2
      a tab inside a line stays       | a:\\t1\\n            | a:\\t1\\n
      """)
  void trailingTabsAreCutOnePassALine(String name, String text, String expected) {
    UnaryOperator<String> unescape = t -> t.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
    assertEquals(unescape.apply(expected), YamlLoader.withoutTrailingTabs(unescape.apply(text)));
  }

  @Test
  void deepNestingIsALocatedLimitNotAStackOverflow() {
    String yaml = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class, YamlLoader.parse("t.yaml", yaml));
    assertTrue(f.limit());
    assertTrue(f.message().contains("nesting"), f.message());
    assertEquals(1, f.location().startLine());
    assertTrue(f.location().startColumn() > YamlLoader.MAX_NESTING_DEPTH, f.location().toString());
  }

  /**
   * A Serverless service that merges its defaults into each of its functions holds as many
   * aliases to one mapping (found by probing: more than 50 made a valid file a SYN001); past the
   * limit the file is refused, located at the alias that passes it.
   */
  @Test
  void manyMergesOfOneMappingAreReadAndTheAliasLimitIsLocated() {
    StringBuilder file = new StringBuilder("defaults: &defaults\n  timeout: 30\nfunctions:\n");
    for (int i = 0; i < 200; i++) file.append("  f").append(i).append(":\n    <<: *defaults\n    handler: h").append(i).append("\n");
    String read = render(parse(file.toString()));
    assertTrue(read.contains("f199: {timeout: 30, handler: h199}"), read.substring(0, 200));
    StringBuilder over = new StringBuilder("d: &d [x]\nl:\n");
    for (int i = 0; i <= YamlLoader.MAX_ALIASES_FOR_COLLECTIONS; i++) over.append("  - *d\n");
    ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class, YamlLoader.parse("t.yaml", over.toString()));
    assertTrue(f.message().contains("more than " + YamlLoader.MAX_ALIASES_FOR_COLLECTIONS + " aliases"), f.message());
    assertEquals(YamlLoader.MAX_ALIASES_FOR_COLLECTIONS + 3, f.location().startLine(), f.location().toString());
  }

  @Test
  void recursiveAliasIsRefused() {
    ParseResult r = YamlLoader.parse("t.yaml", "a: &x [1, *x]\n");
    ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class, r);
    assertTrue(f.message().contains("recursive"), f.message());
  }
}
