package dev.iamlint.model;

import java.util.List;

/**
 * What one scanned unit deploys: a Terraform root module (with everything it calls), a plan, a
 * CloudFormation template. {@code id} is what {@link ResourceRef#deployment()} holds.
 *
 * <p>A {@code library} is a reusable Terraform module evaluated as a root only because nothing
 * in the scan calls it with a provider (no provider configuration, no backend): its own IAM is
 * judged, but it is not an account, so project-level rules (PWD001, CT001, MON*, REV*) do not
 * judge what it lacks. {@code accounts} are the account ids it is known to deploy to (provider
 * {@code allowed_account_ids}, the account of a provider's {@code assume_role}); empty when
 * not known. {@code unread} are the parts of it iamlint could not read (see {@link UnreadPart}).
 *
 * <p>The source of a template that is rendered before it is deployed (a path holding a
 * cookiecutter placeholder) is a library too: the project it becomes is the deployment.
 */
public record Deployment(String id, boolean library, List<String> accounts, List<UnreadPart> unread) {
  public Deployment {
    accounts = List.copyOf(accounts);
    unread = List.copyOf(unread);
  }

  public Deployment(String id, boolean library, List<String> accounts) {
    this(id, library, accounts, List.of());
  }

  public static Deployment of(String id) {
    return new Deployment(id, false, List.of());
  }

  /** Two deployments certainly target different accounts: both account sets known and disjoint. */
  public boolean certainlyApartFrom(Deployment other) {
    return !accounts.isEmpty() && !other.accounts.isEmpty() && accounts.stream().noneMatch(other.accounts::contains);
  }
}
