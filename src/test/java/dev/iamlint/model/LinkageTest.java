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

  @Test
  void aScriptOrALongTextNamesNothing() {
    Linkage script = adding(text("#!/bin/bash\nuseradd alice\n"), "devs");
    assertFalse(declaring("#!/bin/bash\nuseradd alice\n").tiedTo(script));
    assertTrue(script.mentioned().size() <= 2, "only the group's name: " + script.mentioned());
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
