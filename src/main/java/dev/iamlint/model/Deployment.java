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
 * not known.
 */
public record Deployment(String id, boolean library, List<String> accounts) {
  public Deployment {
    accounts = List.copyOf(accounts);
  }

  public static Deployment of(String id) {
    return new Deployment(id, false, List.of());
  }

  /** Two deployments certainly target different accounts: both account sets known and disjoint. */
  public boolean certainlyApartFrom(Deployment other) {
    return !accounts.isEmpty() && !other.accounts.isEmpty() && accounts.stream().noneMatch(other.accounts::contains);
  }
}
