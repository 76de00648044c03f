package dev.iamlint.iam;

import dev.iamlint.model.IamModel;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.PrincipalLink;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.User;
import dev.iamlint.value.Value;
import java.util.Optional;

/** Names principals in messages and answers questions about them that several rules ask. */
public final class Principals {
  private Principals() {}

  /** {@code user "deploy"}, {@code role Resources.CiRole}: the principal as a reader knows it. */
  public static String describe(IamModel model, PrincipalLink link) {
    return describe(model, link, Optional.empty());
  }

  /**
   * The principal {@code link} names, as written in element {@code from}: a name written in a
   * module instance names that instance's own principal (see {@link IamModel#user(Value, Optional)}).
   */
  public static String describe(IamModel model, PrincipalLink link, Optional<ResourceRef> from) {
    String noun = link.kind().noun();
    Optional<ResourceRef> declared = declaration(model, link, from);
    Optional<String> name = link.target().asText();
    if (declared.isPresent()) {
      Optional<String> declaredName = declaredName(model, link, from);
      return noun + " " + named(declaredName, declared.get().address() + elsewhere(declared.get(), from));
    }
    if (name.isPresent()) return noun + " \"" + name.get() + "\"";
    if (link.target() instanceof Value.Unknown u) return "a " + noun + " whose name is not known (" + u.reason() + ")";
    return noun + " " + link.target().display();
  }

  /**
   * The user {@code user} names, as written in the element of {@code from} (a login profile, an
   * access key): see {@link #describe(IamModel, PrincipalLink, Optional)}.
   */
  public static String user(IamModel model, Value user, ResourceRef from) {
    return describe(model, new PrincipalLink(PrincipalKind.USER, user), Optional.of(from));
  }

  /**
   * A declared principal as every message names it: its name and its address ({@code "deploy"
   * (aws_iam_user.deploy)}), or its address alone when its name is not known.
   */
  public static String named(Optional<String> name, String address) {
    return name.map(n -> "\"" + n + "\" (" + address + ")").orElse(address);
  }

  /**
   * " of roles.yaml" for a principal declared in another template than the element that names
   * it (through an import, or by name): a template's addresses mean nothing in another one.
   */
  private static String elsewhere(ResourceRef declared, Optional<ResourceRef> from) {
    boolean otherTemplate = from.isPresent() && declared.isCloudFormation() && from.get().isCloudFormation()
        && !declared.file().equals(from.get().file());
    return otherTemplate ? " of " + declared.file() : "";
  }

  /** A stable key for fingerprints: the declaration's address, else the name. */
  public static String key(IamModel model, PrincipalLink link) {
    return key(model, link, Optional.empty());
  }

  public static String key(IamModel model, PrincipalLink link, Optional<ResourceRef> from) {
    return declaration(model, link, from).map(ResourceRef::address)
        .or(() -> link.target().asText())
        .orElse(link.kind().noun() + "?");
  }

  public static Optional<ResourceRef> declaration(IamModel model, PrincipalLink link) {
    return declaration(model, link, Optional.empty());
  }

  public static Optional<ResourceRef> declaration(IamModel model, PrincipalLink link, Optional<ResourceRef> from) {
    Optional<ResourceRef> typed = switch (link.kind()) {
      case USER -> model.user(link.target(), from).map(User::resource);
      case ROLE -> model.role(link.target(), from).map(r -> r.resource());
      case GROUP -> model.group(link.target(), from).map(g -> g.resource());
      case PERMISSION_SET -> Optional.empty();
    };
    return typed.or(() -> model.declaration(link.target()));
  }

  private static Optional<String> declaredName(IamModel model, PrincipalLink link, Optional<ResourceRef> from) {
    Optional<Value> name = switch (link.kind()) {
      case USER -> model.user(link.target(), from).map(User::name);
      case ROLE -> model.role(link.target(), from).map(r -> r.name());
      case GROUP -> model.group(link.target(), from).map(g -> g.name());
      case PERMISSION_SET -> Optional.empty();
    };
    return name.flatMap(Value::asText);
  }

  /** A user who can sign in to the console or holds an access key: the most exposed kind. */
  public static boolean hasCredentials(IamModel model, PrincipalLink link) {
    return hasCredentials(model, link, Optional.empty());
  }

  public static boolean hasCredentials(IamModel model, PrincipalLink link, Optional<ResourceRef> from) {
    if (link.kind() != PrincipalKind.USER) return false;
    Optional<User> user = model.user(link.target(), from);
    return user.isPresent() && (!model.loginProfiles(user.get()).isEmpty() || !model.accessKeys(user.get()).isEmpty());
  }
}
