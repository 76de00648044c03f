package dev.iamlint.rules;

import dev.iamlint.model.CodeInventory;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * REV007: with the code a review compares the account with ({@code --iac}), a user, group, role
 * or customer managed policy of the account that no scanned code defines, by name (IAM names are
 * unique in an account whatever the path). Roles AWS creates and manages (service-linked roles
 * under {@code /aws-service-role/}, Identity Center roles under {@code /aws-reserved/}) are not
 * judged. A code name that is not known may be any name: the identity is then undecided, as when
 * part of the code could not be read.
 */
public final class IdentityNotInCode implements Rule {

  @Override
  public String id() {
    return "REV007";
  }

  @Override
  public void check(RuleContext ctx) {
    if (ctx.model().codeInventories().isEmpty()) return;
    List<CodeInventory.Defined> defined = new ArrayList<>();
    ctx.model().codeInventories().forEach(i -> defined.addAll(i.defined()));
    Optional<String> incomplete = ctx.model().codeInventories().stream().flatMap(i -> i.incomplete().stream()).findFirst();
    String roots = String.join(", ", ctx.model().codeInventories().stream().flatMap(i -> i.roots().stream()).toList());
    ctx.model().users().forEach(u -> judge(ctx, CodeInventory.Kind.USER, u.name(), u.resource(), defined, incomplete, roots));
    ctx.model().groups().forEach(g -> judge(ctx, CodeInventory.Kind.GROUP, g.name(), g.resource(), defined, incomplete, roots));
    ctx.model().roles().forEach(r -> judge(ctx, CodeInventory.Kind.ROLE, r.name(), r.resource(), defined, incomplete, roots));
    ctx.model().customerPolicies().forEach(p -> judge(ctx, CodeInventory.Kind.POLICY, p.name(), p.resource(), defined,
        incomplete, roots));
  }

  private static void judge(RuleContext ctx, CodeInventory.Kind kind, Value name, ResourceRef resource,
      List<CodeInventory.Defined> defined, Optional<String> incomplete, String roots) {
    Optional<String> own = name.asText();
    if (own.isEmpty() || managedByAws(resource)) return;
    boolean mayBeUnnamed = false;
    for (CodeInventory.Defined d : defined) {
      if (d.kind() != kind) continue;
      Optional<String> written = d.name().asText();
      if (written.isEmpty()) mayBeUnnamed = true;
      else if (written.get().equalsIgnoreCase(own.get())) return;
    }
    String what = Character.toUpperCase(kind.noun().charAt(0)) + kind.noun().substring(1) + " \"" + own.get() + "\"";
    if (mayBeUnnamed || incomplete.isPresent()) {
      ctx.notJudged(resource, resource.header(), "not-in-code", "Not decided whether " + kind.noun() + " \"" + own.get()
          + "\" is defined in code: " + incomplete.orElse("the code defines a " + kind.noun() + " whose name is not known"));
      return;
    }
    ctx.report(resource, resource.header(), "not-in-code", what + " (" + resource.address() + ") exists in the account but no "
        + "scanned code defines it (" + roots + "): bring it under code, or delete it if nobody needs it");
  }

  /** A role AWS creates and manages: its address carries its path ({@code role/aws-service-role/...}). */
  private static boolean managedByAws(ResourceRef resource) {
    String address = resource.address();
    return address.startsWith("role/aws-service-role/") || address.startsWith("role/aws-reserved/");
  }
}
