package dev.iamlint.value;

import dev.iamlint.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a value came from, outermost step last: "default of parameter AdminArn (template.yaml:5)",
 * "branch of Fn::If IsProd". Empty for a literal written where it is used.
 */
public record Provenance(List<Step> steps) {

  public record Step(String description, Optional<Location> location) {
    public String render() {
      return location.map(l -> description + " (" + l.file() + ":" + l.startLine() + ")").orElse(description);
    }
  }

  public static final Provenance LITERAL = new Provenance(List.of());

  public Provenance {
    steps = List.copyOf(steps);
  }

  public static Provenance of(String description, Location location) {
    return new Provenance(List.of(new Step(description, Optional.of(location))));
  }

  public static Provenance of(String description) {
    return new Provenance(List.of(new Step(description, Optional.empty())));
  }

  public Provenance then(Provenance outer) {
    if (outer.steps.isEmpty()) return this;
    if (steps.isEmpty()) return outer;
    List<Step> all = new ArrayList<>(steps);
    all.addAll(outer.steps);
    return new Provenance(all);
  }

  public boolean isLiteral() {
    return steps.isEmpty();
  }

  /** " (from default of parameter X (t.yaml:4))", or "" for a literal: ready to append to a message. */
  public String suffix() {
    if (steps.isEmpty()) return "";
    StringBuilder sb = new StringBuilder(" (from ");
    for (int i = steps.size() - 1; i >= 0; i--) {
      sb.append(steps.get(i).render());
      if (i > 0) sb.append(", via ");
    }
    return sb.append(')').toString();
  }
}
