package dev.iamlint.value;

/**
 * A reference to another declared element, kept by values that cannot be known before deploy
 * ({@code !GetAtt Role.Arn}, {@code aws_iam_role.r.arn}) so the model can still link them.
 * {@code scope} separates namespaces: a CloudFormation template, a Terraform module instance.
 * {@code attribute} is empty for a plain {@code Ref}.
 */
public record Reference(String scope, String address, String attribute) {
  public String describe() {
    return attribute.isEmpty() ? address : address + "." + attribute;
  }
}
