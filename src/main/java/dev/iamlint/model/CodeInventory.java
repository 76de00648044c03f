package dev.iamlint.model;

import dev.iamlint.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * What the infrastructure code given to a review ({@code iamlint review --iac DIR}) defines:
 * the names of its users, groups, roles and customer managed policies, each with its path when
 * written. A name that is not known (generated, or from an input without a value) may be any
 * name. Present only when code was given: an empty inventory says the code defines nothing.
 * {@code incomplete} says why the code may define more than it shows (a file that does not parse,
 * a module that is not installed): what it lacks is then not certain.
 */
public record CodeInventory(List<String> roots, List<Defined> defined, Optional<String> incomplete) {
  public CodeInventory {
    roots = List.copyOf(roots);
    defined = List.copyOf(defined);
  }

  /** One identity or policy the code defines: its kind, its name and the resource that defines it. */
  public record Defined(Kind kind, Value name, ResourceRef resource) {}

  public enum Kind {
    USER("user"), GROUP("group"), ROLE("role"), POLICY("customer managed policy");

    private final String noun;

    Kind(String noun) {
      this.noun = noun;
    }

    public String noun() {
      return noun;
    }
  }
}
