package dev.iamlint.model;

/**
 * A role trust policy that no role in the scan uses (a Terraform {@code aws_iam_policy_document}
 * handed out through an output or to a module outside the scan): it may be consumed elsewhere,
 * so it is judged on its own. {@code resource} is the data source.
 */
public record TrustDocument(ResourceRef resource, PolicyDocument document) {}
