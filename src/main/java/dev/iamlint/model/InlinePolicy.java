package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Value;
import java.util.List;

/**
 * A policy document embedded in its principals (a user's or role's {@code Policies}, an
 * {@code AWS::IAM::Policy}, a {@code aws_iam_role_policy}). {@code location} is the policy entry.
 * {@code standalone} marks a policy resource of its own that lists the principals it is put on
 * ({@code AWS::IAM::Policy}), as opposed to one embedded in a principal.
 */
public record InlinePolicy(ResourceRef resource, List<PrincipalLink> principals, Value name,
    PolicyDocument document, Location location, boolean standalone) {
  public InlinePolicy {
    principals = List.copyOf(principals);
  }
}
