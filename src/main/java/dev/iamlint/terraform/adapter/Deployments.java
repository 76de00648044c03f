package dev.iamlint.terraform.adapter;

import dev.iamlint.model.Deployment;
import dev.iamlint.model.UnreadPart;
import dev.iamlint.terraform.evaluation.TfResource;
import dev.iamlint.terraform.loader.ModuleConfig;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a Terraform root module is: a deployment (it configures a provider or a backend,
 * itself or through a module it calls, or it was run as a plan) or a reusable module evaluated
 * as a root only because the scan holds no caller for it (rules.md, "Deployments and
 * libraries"), and which accounts its providers are pinned to.
 */
public final class Deployments {
  private static final Pattern ROLE_ACCOUNT = Pattern.compile("^arn:[^:]*:iam::(\\d{12}):");

  private Deployments() {}

  public static Deployment of(String id, ModuleConfig root, List<TfResource> resources, List<UnreadPart> unread) {
    boolean configured = root.backend() || resources.stream().anyMatch(Deployments::configures);
    return new Deployment(id, !configured, accounts(resources), unread);
  }

  /** A provider block that configures something: one with only {@code alias} is a proxy that configures nothing. */
  private static boolean configures(TfResource r) {
    return r.mode().equals("provider") && r.values().entries().stream().anyMatch(e -> !e.key().equals("alias"));
  }

  /** A plan is what `terraform plan` made of a root module: always a deployment. */
  public static Deployment plan(String id, List<String> accounts) {
    return new Deployment(id, false, accounts);
  }

  /** The account of a role ARN ({@code arn:aws:iam::123456789012:role/x}). */
  public static Optional<String> roleAccount(String arn) {
    Matcher m = ROLE_ACCOUNT.matcher(arn);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The accounts every provider of the deployment is pinned to ({@code allowed_account_ids}, or
   * the account of {@code assume_role.role_arn}); empty when any provider may reach another one.
   */
  private static List<String> accounts(List<TfResource> resources) {
    TreeSet<String> accounts = new TreeSet<>();
    boolean any = false;
    for (TfResource r : resources) {
      if (!r.mode().equals("provider") || !r.type().equals("provider") || !r.name().equals("aws")) continue;
      any = true;
      Optional<List<String>> pinned = pinned(r.values());
      if (pinned.isEmpty()) return List.of();
      accounts.addAll(pinned.get());
    }
    return any ? List.copyOf(accounts) : List.of();
  }

  private static Optional<List<String>> pinned(Value.MapV provider) {
    Optional<Value> allowed = provider.get("allowed_account_ids");
    if (allowed.isPresent() && allowed.get() instanceof Value.ListV list && !list.items().isEmpty()) {
      List<String> ids = list.items().stream().map(Value::asText).flatMap(Optional::stream).toList();
      return ids.size() == list.items().size() ? Optional.of(ids) : Optional.empty();
    }
    Optional<Value> assume = provider.get("assume_role");
    if (assume.isPresent() && assume.get() instanceof Value.ListV blocks && blocks.items().size() == 1
        && blocks.items().get(0) instanceof Value.MapV block) {
      Optional<String> account = block.get("role_arn").flatMap(Value::asText).flatMap(Deployments::roleAccount);
      if (account.isPresent()) return Optional.of(List.of(account.get()));
    }
    return Optional.empty();
  }
}
