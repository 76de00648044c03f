package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Value;

/**
 * A managed policy attached to a principal. {@code policy} is the ARN (or a reference to a
 * customer managed policy); {@code location} is where the attachment is written.
 */
public record PolicyAttachment(ResourceRef resource, PrincipalLink principal, Value policy, Location location) {

  /**
   * Whether the policy ARN or the principal's name is the empty text: IAM refuses it, nothing is
   * attached. An empty CommaDelimitedList parameter is the list of one empty text, and a
   * {@code ManagedPolicyArns: !Ref Extra} with {@code Default: ""} named a policy "" attached.
   */
  public boolean attachesNothing() {
    return policy.asText().map(String::isEmpty).orElse(false) || principal.target().asText().map(String::isEmpty).orElse(false);
  }
}
