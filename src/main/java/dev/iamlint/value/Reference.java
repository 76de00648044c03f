package dev.iamlint.value;

import java.util.Optional;
import java.util.Set;

/**
 * A reference to another declared element, kept by values that cannot be known before deploy
 * ({@code !GetAtt Role.Arn}, {@code aws_iam_role.r.arn}) so the model can still link them.
 * {@code scope} separates namespaces: a CloudFormation template, a Terraform module instance.
 * {@code attribute} is empty for a plain {@code Ref}.
 */
public record Reference(String scope, String address, String attribute) {
  /**
   * Attributes that hold a credential (Terraform marks them sensitive): an access key's
   * secret and SMTP password, CloudFormation's {@code SecretAccessKey}. A value built from
   * several unknown parts keeps such a reference in preference to others, the way Terraform
   * keeps a sensitive mark on everything derived from a sensitive value.
   */
  private static final Set<String> SECRET_ATTRIBUTES = Set.of("secret", "ses_smtp_password_v4",
      "SecretAccessKey");

  public boolean secret() {
    return SECRET_ATTRIBUTES.contains(attribute);
  }

  /** The reference a derived value keeps: a secret one when any part has one, else the first. */
  public static Optional<Reference> preferred(Optional<Reference> kept, Optional<Reference> next) {
    if (kept.isEmpty() || (!kept.get().secret() && next.map(Reference::secret).orElse(false))) return next.or(() -> kept);
    return kept;
  }

  public String describe() {
    return attribute.isEmpty() ? address : address + "." + attribute;
  }
}
