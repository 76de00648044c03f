package dev.iamlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.source.Location;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What ties two deployments: a name one declares and the other mentions (as written, in another
 * case, or at the end of an ARN), or a reference into the other's scope; never two mentions alone.
 */
class LinkageTest {
  private static final Location AT = Location.point("main.tf", 1, 1);

  private static ResourceRef resource(String deployment, String address) {
    return new ResourceRef(deployment, address, address.substring(0, address.indexOf('.')), AT, AT, List.of(), deployment);
  }

  private static Value text(String s) {
    return new Value.Str(s, AT, Provenance.LITERAL);
  }

  /** A deployment that declares user {@code user}. */
  private static Linkage declaring(String user) {
    ModelBuilder b = new ModelBuilder();
    b.deployments.add(new Deployment("users", true, List.of()));
    ResourceRef r = resource("users", "aws_iam_user.u");
    b.resources.add(r);
    b.users.add(new User(r, text(user), Optional.empty()));
    return Linkage.of(b);
  }

  /** A deployment that adds {@code user} to group {@code group}, neither declared there. */
  private static Linkage adding(Value user, String group) {
    ModelBuilder b = new ModelBuilder();
    b.deployments.add(new Deployment("memberships", true, List.of()));
    ResourceRef r = resource("memberships", "aws_iam_user_group_membership.m");
    b.resources.add(r);
    b.memberships.add(new GroupMembership(r, user, text(group), AT));
    return Linkage.of(b);
  }

  @ParameterizedTest(name = "{0} / {1}: {2}")
  @CsvSource({
      "alice, alice, true",
      "alice, ALICE, true",
      "alice, ' alice ', true",
      "alice, arn:aws:iam::123456789012:user/alice, true",
      "alice, arn:aws:iam::123456789012:user/team/Alice, true",
      "alice, alicia, false",
      "alice, bob, false",
      "devs, alice, false",
  })
  void aNameDeclaredOnOneSideAndMentionedOnTheOtherTies(String declared, String mentioned, boolean tied) {
    Linkage users = declaring(declared);
    Linkage memberships = adding(text(mentioned), "devs-group");
    assertEquals(tied, users.tiedTo(memberships));
    assertEquals(tied, memberships.tiedTo(users), "either way round");
  }

  @Test
  void twoMentionsOfANameNoOneDeclaresTieNothing() {
    assertFalse(adding(text("alice"), "devs").tiedTo(adding(text("alice"), "devs")));
  }

  @Test
  void aReferenceIntoAnotherDeploymentsScopeTiesIt() {
    Value exported = new Value.Unknown(Value.Cause.DEPLOY_TIME, "an export", Optional.of(new Reference("users", "aws_iam_user.u", "name")),
        Optional.empty(), AT, Provenance.LITERAL);
    assertTrue(declaring("nobody-mentions-this").tiedTo(adding(exported, "devs")));
  }

  // Review regression: names AWS refuses (longer than 128 characters, holding a line break) were
  // left out on both sides, yet the model compares them equal, so a partial scan reported a USR003
  // the full scan does not.
  @ParameterizedTest(name = "{0}")
  @CsvSource({"svc-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "'svc-user\n'", "'  padded  '"})
  void anOddNameStillTies(String name) {
    String n = name.replace("\\n", "\n");
    assertTrue(declaring(n).tiedTo(adding(text(n), "devs")), n);
  }

  // Review regression: a service launch whose template id has no value may start instances from a
  // launch template of any root module (IamModel.launches): the two are tied with no name shared.
  @Test
  void aLaunchOfAnUnknownTemplateTiesEveryLaunchTemplate() {
    ModelBuilder templates = new ModelBuilder();
    templates.deployments.add(new Deployment("app", false, List.of()));
    ResourceRef t = resource("app", "aws_launch_template.web");
    templates.resources.add(t);
    templates.computeInstances.add(new ComputeInstance(t, ComputeInstance.Kind.LAUNCH_TEMPLATE, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of(text("web")), Optional.empty()));
    ModelBuilder nodes = new ModelBuilder();
    nodes.deployments.add(new Deployment("nodes", true, List.of()));
    ResourceRef ng = resource("nodes", "aws_eks_node_group.ng");
    nodes.resources.add(ng);
    Value noValue = new Value.Unknown(Value.Cause.INPUT, "var.template_id has no value", Optional.empty(), Optional.empty(), AT,
        Provenance.LITERAL);
    nodes.serviceLaunches.add(new ServiceLaunch(ng, "EKS managed node group", noValue));
    assertTrue(Linkage.of(templates).tiedTo(Linkage.of(nodes)));
    ModelBuilder named = new ModelBuilder();
    named.deployments.add(new Deployment("named", true, List.of()));
    ResourceRef other = resource("named", "aws_eks_node_group.other");
    named.resources.add(other);
    named.serviceLaunches.add(new ServiceLaunch(other, "EKS managed node group", text("api")));
    assertFalse(Linkage.of(templates).tiedTo(Linkage.of(named)), "a launch of another named template");
  }

  @Test
  void aLibraryIsNotDeployedAndAnUnknownUnitIs() {
    assertFalse(declaring("alice").deployed());
    ModelBuilder b = new ModelBuilder();
    b.resources.add(resource("x", "aws_iam_user.u"));
    assertTrue(Linkage.of(b).deployed(), "elements of no known deployment");
    assertFalse(Linkage.of(new ModelBuilder()).deployed(), "nothing at all");
    assertTrue(declaring("alice").with(Linkage.of(b)).deployed());
  }

  @Test
  void projectFactsAreWhatProjectLevelRulesRead() {
    assertFalse(declaring("alice").projectFacts(), "a library's user: no project-level rule judges it");
    ModelBuilder deployed = new ModelBuilder();
    deployed.deployments.add(new Deployment("live", false, List.of()));
    ResourceRef r = resource("live", "aws_iam_user.u");
    deployed.resources.add(r);
    assertFalse(Linkage.of(deployed).projectFacts(), "a deployment of no IAM resource");
    deployed.users.add(new User(r, text("alice"), Optional.empty()));
    assertTrue(Linkage.of(deployed).projectFacts(), "where CT001 may be located");
    ModelBuilder library = new ModelBuilder();
    library.deployments.add(new Deployment("module", true, List.of(), List.of(new UnreadPart("a module not installed", AT))));
    assertFalse(Linkage.of(library).projectFacts(), "a library's unread parts count only for a baseline");
  }
}
