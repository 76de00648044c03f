package dev.iamlint.source;

/** What a discovered file is, decided by name and, for YAML/JSON, by content. */
public enum FileKind {
  CLOUDFORMATION_YAML,
  CLOUDFORMATION_JSON,
  TERRAFORM,
  TERRAFORM_JSON,
  TERRAFORM_VARS,
  TERRAFORM_VARS_JSON,
  TERRAFORM_PLAN,
  /** A Serverless Framework service ({@code serverless.yml}): YAML that the framework compiles to CloudFormation. */
  SERVERLESS;

  /** CloudFormation, or what compiles to it (a Serverless Framework service). */
  public boolean isCloudFormation() {
    return this == CLOUDFORMATION_YAML || this == CLOUDFORMATION_JSON || this == SERVERLESS;
  }
}
