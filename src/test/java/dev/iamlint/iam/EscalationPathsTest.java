package dev.iamlint.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.iam.ActionCatalog.AccessLevel;
import dev.iamlint.iam.EscalationPaths.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationPathsTest {
  private static final List<Path> PATHS = EscalationPaths.bundled().all();

  private static Optional<Path> path(String id) {
    return PATHS.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The build's bundle holds what the YAML says, and is ignored for another YAML. */
  @Test
  void bundleReadsBackAsTheYaml() throws Exception {
    byte[] yaml;
    try (var in = EscalationPaths.class.getResourceAsStream(ActionCatalog.FOLDER + "escalation-paths.yaml")) {
      yaml = in.readAllBytes();
    }
    EscalationPaths parsed = EscalationPaths.parse(yaml);
    byte[] bundle = EscalationPaths.write(parsed, EscalationPaths.crc(yaml));
    EscalationPaths read = EscalationPaths.read(bundle, EscalationPaths.crc(yaml)).orElseThrow();
    assertEquals(parsed.all(), read.all());
    for (String action : List.of("ssm:startsession", "ssm:sendcommand", "iam:passrole")) {
      assertEquals(parsed.targets(action), read.targets(action), action);
    }
    assertEquals(parsed.all(), PATHS, "the bundled paths are the YAML's");
    assertEquals(Optional.empty(), EscalationPaths.read(bundle, EscalationPaths.crc(yaml) + 1).map(EscalationPaths::all));
    assertEquals(Optional.empty(), EscalationPaths.read(Arrays.copyOf(bundle, bundle.length / 2), EscalationPaths.crc(yaml))
        .map(EscalationPaths::all));
  }

  @Test
  void hasThePublishedMethods() {
    assertTrue(PATHS.size() >= 20, "paths: " + PATHS.size());
  }

  /** Exact spelling, so rules can compare with catalogue ids as they are. */
  @Test
  void everyActionIsInTheCatalogue() {
    ActionCatalog catalog = ActionCatalog.bundled();
    List<String> missing = new ArrayList<>();
    for (Path p : PATHS) {
      for (String action : p.actions()) {
        if (!catalog.action(action).map(ActionCatalog.Action::id).equals(Optional.of(action))) {
          missing.add(p.id() + ": " + action);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  /** A target narrows an action some path needs, to resource types that action takes. */
  @Test
  void targetsNarrowPathActionsToTheirOwnResourceTypes() {
    ActionCatalog catalog = ActionCatalog.bundled();
    Set<String> pathActions = new HashSet<>();
    PATHS.forEach(p -> pathActions.addAll(p.keys()));
    for (String action : List.of("ssm:startsession", "ssm:sendcommand")) {
      Set<String> targets = EscalationPaths.bundled().targets(action);
      assertTrue(pathActions.contains(action), action);
      assertTrue(targets.contains("ec2:instance"), action + " " + targets);
      List<String> types = catalog.action(action).orElseThrow().resourceTypes();
      for (String t : targets) {
        String type = t.substring(t.indexOf(':') + 1);
        assertTrue(types.stream().anyMatch(type::equalsIgnoreCase), action + " takes no " + type + ": " + types);
      }
    }
    assertEquals(Set.of(), EscalationPaths.bundled().targets("iam:passrole"));
  }

  /** Discovery (List, Read) is left out: every needed action changes something. */
  @Test
  void everyActionIsAWrite() {
    ActionCatalog catalog = ActionCatalog.bundled();
    for (Path p : PATHS) {
      for (String action : p.actions()) {
        catalog.action(action).map(ActionCatalog.Action::level).ifPresent(level -> assertTrue(
            level == AccessLevel.WRITE || level == AccessLevel.PERMISSIONS_MANAGEMENT, p.id() + ": " + action));
      }
    }
  }

  @Test
  void pathsAreWellFormedAndDistinct() {
    Set<String> ids = new HashSet<>();
    Map<Set<String>, String> bySet = new HashMap<>();
    for (Path p : PATHS) {
      assertTrue(p.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), p.id());
      assertTrue(ids.add(p.id()), "duplicate id " + p.id());
      assertTrue(!p.description().isBlank() && !p.description().contains("\n") && p.description().endsWith("."),
          p.id() + ": one line ending in a full stop");
      assertTrue(p.reference().matches("https://[^\\s]+"), p.id() + ": " + p.reference());
      Set<String> set = Set.copyOf(p.actions());
      assertEquals(p.actions().size(), set.size(), p.id() + " repeats an action");
      String other = bySet.put(set, p.id());
      assertTrue(other == null, p.id() + " needs the same actions as " + other);
    }
  }

  /** The actions the linter already treats as self-escalation each form a path of their own. */
  @Test
  void coversTheSelfEscalationActions() {
    for (String action : StatementScope.SELF_ESCALATION_ACTIONS) {
      assertTrue(PATHS.stream().anyMatch(p -> p.actions().equals(List.of(action))), action);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "iam-create-policy-version        | iam:CreatePolicyVersion",
      "iam-set-default-policy-version   | iam:SetDefaultPolicyVersion",
      "iam-create-access-key            | iam:CreateAccessKey",
      "iam-create-login-profile         | iam:CreateLoginProfile",
      "iam-update-login-profile         | iam:UpdateLoginProfile",
      "iam-add-user-to-group            | iam:AddUserToGroup",
      "iam-update-assume-role-policy    | iam:UpdateAssumeRolePolicy",
      "ec2-run-instances                | iam:PassRole ec2:RunInstances",
      "lambda-create-function-invoke    | iam:PassRole lambda:CreateFunction lambda:InvokeFunction",
      "glue-create-dev-endpoint         | iam:PassRole glue:CreateDevEndpoint",
      "cloudformation-create-stack      | iam:PassRole cloudformation:CreateStack",
      "codebuild-create-project-start-build | iam:PassRole codebuild:CreateProject codebuild:StartBuild",
      "datapipeline-create-pipeline     | iam:PassRole datapipeline:CreatePipeline datapipeline:PutPipelineDefinition datapipeline:ActivatePipeline",
      "sagemaker-create-notebook        | iam:PassRole sagemaker:CreateNotebookInstance",
      "ecs-run-task                     | iam:PassRole ecs:RegisterTaskDefinition ecs:RunTask",
      "apprunner-create-service         | iam:PassRole apprunner:CreateService",
  })
  void hasKnownPaths(String id, String actions) {
    Path p = path(id).orElseThrow(() -> new AssertionError("missing path " + id));
    assertEquals(Set.copyOf(Arrays.asList(actions.split(" "))), Set.copyOf(p.actions()));
  }

  @Test
  void returnsAnUnmodifiableList() {
    Path first = PATHS.get(0);
    assertThrows(UnsupportedOperationException.class, () -> PATHS.add(first));
    assertThrows(UnsupportedOperationException.class, () -> first.actions().add("x"));
  }
}
