package dev.iamlint.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.model.PolicyDocument;
import dev.iamlint.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The escalation engine: every bundled path found when granted, and missed by a near miss. */
class EscalationTest {
  private static final Location AT = Location.point("test.json", 1, 1);

  private static PolicyDocument doc(String statements) {
    return ManagedPolicyDocuments.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", AT);
  }

  private static String allow(List<String> actions, String resource) {
    return "{\"Effect\":\"Allow\",\"Action\":[" + String.join(",", actions.stream().map(a -> "\"" + a + "\"").toList())
        + "],\"Resource\":\"" + resource + "\"}";
  }

  private static List<String> ids(Escalation.Result r) {
    return r.paths().stream().map(EscalationPaths.Path::id).toList();
  }

  static Stream<EscalationPaths.Path> paths() {
    return EscalationPaths.bundled().all().stream();
  }

  /** Each path is found when its actions are granted on every resource, even one per policy. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void eachPathIsFoundAcrossPolicies(EscalationPaths.Path path) {
    List<PolicyDocument> onePerAction = new ArrayList<>();
    for (String a : path.actions()) onePerAction.add(doc(allow(List.of(a), "*")));
    Escalation.Result r = Escalation.of(onePerAction);
    assertTrue(ids(r).contains(path.id()), ids(r).toString());
    assertEquals(path.actions().size(), r.grantsOf(path).size());
  }

  /**
   * Near misses: one action missing (several-action paths), or the actions limited to one named
   * resource, or an unconditional Deny on every resource.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void eachPathIsMissedByANearMiss(EscalationPaths.Path path) {
    if (path.actions().size() > 1) {
      List<String> lacking = path.actions().subList(0, path.actions().size() - 1);
      assertFalse(ids(Escalation.of(List.of(doc(allow(lacking, "*"))))).contains(path.id()), "one action missing");
    }
    String named = "arn:aws:iam::123456789012:user/alice";
    assertFalse(ids(Escalation.of(List.of(doc(allow(path.actions(), named))))).contains(path.id()), "one named resource");
    String deny = "{\"Effect\":\"Deny\",\"Action\":\"" + path.actions().get(0) + "\",\"Resource\":\"*\"}";
    assertFalse(ids(Escalation.of(List.of(doc(allow(path.actions(), "*")), doc(deny)))).contains(path.id()), "denied");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      wildcard action                 | {"Effect":"Allow","Action":"iam:CreatePolicyV*","Resource":"*"}                                   | iam-create-policy-version
      lower-case action               | {"Effect":"Allow","Action":"IAM:createaccesskey","Resource":"*"}                                  | iam-create-access-key
      NotAction leaves iam writes     | {"Effect":"Allow","NotAction":["s3:*","iam:Delete*"],"Resource":"*"}                             | admin
      whole resource type             | {"Effect":"Allow","Action":"iam:AttachRolePolicy","Resource":"arn:aws:iam::*:role/*"}             | iam-attach-role-policy
      non-restricting condition       | {"Effect":"Allow","Action":"iam:PutUserPolicy","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}} | iam-put-user-policy
      restricting condition           | {"Effect":"Allow","Action":"iam:PutUserPolicy","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"x"}}} | none
      conditional Deny does not cancel| {"Effect":"Allow","Action":"iam:CreateLoginProfile","Resource":"*"},{"Effect":"Deny","Action":"iam:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}} | iam-create-login-profile
      Deny with NotAction keeps one   | {"Effect":"Allow","Action":["iam:CreateAccessKey","iam:AddUserToGroup"],"Resource":"*"},{"Effect":"Deny","NotAction":"iam:AddUserToGroup","Resource":"*"} | iam-add-user-to-group
      Deny on one resource only       | {"Effect":"Allow","Action":"iam:UpdateAssumeRolePolicy","Resource":"*"},{"Effect":"Deny","Action":"iam:*","Resource":"arn:aws:iam::1:role/x"} | iam-update-assume-role-policy
      a policy onto oneself           | {"Effect":"Allow","Action":"iam:PutUserPolicy","Resource":"arn:aws:iam::1:user/${aws:username}"} | iam-put-user-policy
      keys for oneself only           | {"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"arn:aws:iam::1:user/${aws:username}"} | none
      Deny with NotResource keeps it  | {"Effect":"Allow","Action":"iam:PutRolePolicy","Resource":"*"},{"Effect":"Deny","Action":"iam:*","NotResource":"arn:aws:iam::*:role/*"} | iam-put-role-policy
      Deny on every role              | {"Effect":"Allow","Action":["iam:PassRole","ec2:RunInstances"],"Resource":"*"},{"Effect":"Deny","Action":"iam:PassRole","Resource":"arn:aws:iam::*:role/*"} | none
      Deny on roles keeps user paths  | {"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"*"},{"Effect":"Deny","Action":"iam:*","Resource":"arn:aws:iam::*:role/*"} | iam-create-access-key
      only discovery actions          | {"Effect":"Allow","Action":["iam:Get*","iam:List*"],"Resource":"*"}                                | none
      """)
  void table(String name, String statements, String expected) {
    Escalation.Result r = Escalation.of(List.of(doc(statements)));
    if (expected.equals("admin")) {
      assertTrue(r.admin(), name);
    } else if (expected.equals("none")) {
      assertEquals(List.of(), ids(r), name);
    } else {
      assertTrue(ids(r).contains(expected), name + ": " + ids(r));
      assertFalse(r.admin(), name);
    }
  }

  /** A resource pattern that reaches a customer managed policy the principal holds (policy/team-admin). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      prefix pattern reaches it       | iam:CreatePolicyVersion    | arn:aws:iam::*:policy/team-*                 | certain
      exact name                      | iam:SetDefaultPolicyVersion | arn:aws:iam::*:policy/team-admin            | certain
      any partition                   | iam:CreatePolicyVersion    | arn:*:iam::*:policy/*-admin                  | certain
      another prefix                  | iam:CreatePolicyVersion    | arn:aws:iam::*:policy/ops-*                  | none
      ARNs compare case-sensitively   | iam:CreatePolicyVersion    | arn:aws:iam::*:policy/Team-*                 | none
      another partition               | iam:CreatePolicyVersion    | arn:aws-cn:iam::*:policy/team-*              | none
      AWS managed policies            | iam:CreatePolicyVersion    | arn:aws:iam::aws:policy/team-*               | none
      a written account may not be it | iam:CreatePolicyVersion    | arn:aws:iam::123456789012:policy/team-*      | maybe
      other actions do not count      | iam:DeletePolicyVersion    | arn:aws:iam::*:policy/team-*                 | none
      """)
  void ownPolicies(String name, String action, String resource, String expected) {
    Escalation.Context context = new Escalation.Context(Optional.empty(), List.of(new Escalation.OwnPolicy("policy/team-admin")));
    Escalation.Result r = Escalation.of(List.of(doc(allow(List.of(action), resource))), Optional.empty(), context);
    boolean path = !ids(r).isEmpty();
    boolean maybe = r.maybe().containsKey(action.toLowerCase(Locale.ROOT));
    assertEquals(expected, path ? "certain" : maybe ? "maybe" : "none", name + ": " + ids(r));
  }

  /** A permissions boundary keeps only what it also allows. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      boundary without iam writes  | {"Effect":"Allow","Action":["s3:*","iam:Get*"],"Resource":"*"}                         | none
      boundary allowing the path   | {"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"arn:aws:iam::1:policy/x"} | iam-create-policy-version
      boundary denying iam         | {"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"iam:*","Resource":"*"} | no-iam
      """)
  void permissionsBoundary(String name, String boundary, String expected) {
    permissionsBoundaryCase(name, boundary, expected);
  }

  /** A boundary that depends on a condition: what any branch lets through may apply. */
  @Test
  void aConditionalBoundaryCapsOnlyWhatEveryBranchCaps() {
    PolicyDocument denyIam = doc("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"}");
    PolicyDocument allowAll = doc("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");
    List<PolicyDocument> identity = List.of(doc(allow(List.of("iam:CreatePolicyVersion"), "*")));
    assertEquals(List.of(), ids(Escalation.of(identity, Optional.of(List.of(denyIam)))));
    assertTrue(ids(Escalation.of(identity, Optional.of(List.of(denyIam, allowAll)))).contains("iam-create-policy-version"));
  }

  private void permissionsBoundaryCase(String name, String boundary, String expected) {
    Escalation.Result r = Escalation.of(List.of(doc(allow(List.of("*"), "*"))), Optional.of(List.of(doc(boundary))));
    assertFalse(r.admin(), name + ": not admin under a boundary that limits it");
    if (expected.equals("none")) assertEquals(List.of(), ids(r), name);
    else if (expected.equals("no-iam")) assertTrue(!ids(r).isEmpty() && ids(r).stream().noneMatch(i -> i.startsWith("iam-")), name + ": " + ids(r));
    else assertTrue(ids(r).contains(expected), name + ": " + ids(r));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      AdministratorAccess | admin
      PowerUserAccess     | paths
      IAMFullAccess       | paths
      ReadOnlyAccess      | none
      SecurityAudit       | none
      AmazonS3FullAccess  | none
      """)
  void managedPolicies(String name, String expected) {
    PolicyDocument d = ManagedPolicyDocuments.document(name, AT).orElseThrow();
    Escalation.Result r = Escalation.of(List.of(d));
    switch (expected) {
      case "admin" -> assertTrue(r.admin(), name);
      case "paths" -> assertTrue(!r.admin() && !r.paths().isEmpty(), name + ": " + ids(r));
      default -> assertEquals(List.of(), ids(r), name);
    }
  }
}
