package dev.iamlint.model;

public enum PrincipalKind {
  USER("user"), GROUP("group"), ROLE("role"), PERMISSION_SET("permission set");

  private final String noun;

  PrincipalKind(String noun) {
    this.noun = noun;
  }

  public String noun() {
    return noun;
  }
}
