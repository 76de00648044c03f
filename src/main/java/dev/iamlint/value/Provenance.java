package dev.iamlint.value;

import dev.iamlint.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Step s && Objects.equals(description, s.description) && Objects.equals(location, s.location);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(description) * 31 + Objects.hashCode(location);
    }
  }

  // equals and hashCode written out here and in Step (the values the records' own give): the
  // generated ones are bound on first use through method handles, which a fresh JVM builds at
  // some cost, and values are compared with their provenance on every run.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Provenance p && Objects.equals(steps, p.steps);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(steps);
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

  /**
   * The most steps a provenance keeps: the first and the last halves. A string joined from itself
   * twice, forty times over, would otherwise carry 2^40 steps; real chains have a handful.
   */
  static final int MAX_STEPS = 32;

  public Provenance then(Provenance outer) {
    if (outer.steps.isEmpty()) return this;
    if (steps.isEmpty()) return outer;
    List<Step> all = new ArrayList<>(Math.min(MAX_STEPS, steps.size() + outer.steps.size()));
    if (steps.size() + outer.steps.size() <= MAX_STEPS) {
      all.addAll(steps);
      all.addAll(outer.steps);
    } else {
      int half = MAX_STEPS / 2;
      for (int i = 0; i < half; i++) all.add(i < steps.size() ? steps.get(i) : outer.steps.get(i - steps.size()));
      int total = steps.size() + outer.steps.size();
      for (int i = total - half; i < total; i++) all.add(i < steps.size() ? steps.get(i) : outer.steps.get(i - steps.size()));
    }
    return new Provenance(all);
  }

  public boolean isLiteral() {
    return steps.isEmpty();
  }

  /** The step a CloudFormation parameter's default adds: "default of parameter NAME". */
  public static Provenance parameterDefault(String parameter, Location location) {
    return of(PARAMETER_DEFAULT + " " + parameter, location);
  }

  /** Whether some step is a CloudFormation parameter's default (see {@link #parameterDefault}). */
  public boolean fromParameterDefault() {
    return steps.stream().anyMatch(st -> st.description().startsWith(PARAMETER_DEFAULT));
  }

  private static final String PARAMETER_DEFAULT = "default of parameter";

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
