package dev.iamlint.source;

/** What a discovered file is, decided by name and, for YAML/JSON, by content. */
public enum FileKind {
  CLOUDFORMATION_YAML,
  CLOUDFORMATION_JSON,
  TERRAFORM,
  TERRAFORM_JSON,
  TERRAFORM_VARS,
  TERRAFORM_VARS_JSON,
  TERRAFORM_PLAN;

  public boolean isCloudFormation() {
    return this == CLOUDFORMATION_YAML || this == CLOUDFORMATION_JSON;
  }
}
