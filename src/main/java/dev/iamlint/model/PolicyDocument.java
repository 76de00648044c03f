package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A policy document in any shape a format writes it, read into statements. {@code complete} is
 * false when part of the document could not be evaluated (an unknown statement list, a
 * document that is not a map): rules then never conclude from an absence.
 */
public record PolicyDocument(Location location, Optional<Value> version, List<Statement> statements,
    boolean complete) {

  public PolicyDocument {
    statements = List.copyOf(statements);
  }

  /** Reads an evaluated document. Strings holding JSON must be turned into maps by the adapter. */
  public static PolicyDocument from(Value document) {
    List<Statement> statements = new ArrayList<>();
    boolean complete = true;
    Optional<Value> version = Optional.empty();
    for (Value alternative : document.alternatives()) {
      if (!(alternative instanceof Value.MapV map)) {
        complete &= alternative instanceof Value.Null;
        continue;
      }
      version = version.or(() -> map.entryIgnoreCase("Version").map(Value.MapV.Entry::value));
      Optional<Value> list = map.entryIgnoreCase("Statement").map(Value.MapV.Entry::value);
      if (list.isEmpty()) continue;
      for (Value item : list.get().alternatives()) {
        for (Value one : item.items()) {
          for (Value statement : one.alternatives()) {
            if (statement instanceof Value.MapV s) {
              statements.add(statement(s));
            } else if (!(statement instanceof Value.Null)) {
              complete = false;
            }
          }
        }
      }
    }
    return new PolicyDocument(document.location(), version, statements, complete);
  }

  private static Statement statement(Value.MapV s) {
    return new Statement(s.location(), element(s, "Sid"), element(s, "Effect"), element(s, "Action"),
        element(s, "NotAction"), element(s, "Resource"), element(s, "NotResource"), element(s, "Principal"),
        element(s, "NotPrincipal"), element(s, "Condition"), s.provenance());
  }

  private static Optional<Value> element(Value.MapV s, String name) {
    return s.entryIgnoreCase(name).map(Value.MapV.Entry::value).filter(v -> !(v instanceof Value.Null));
  }

  /**
   * Whether this is a role trust policy: every statement names a principal (identity policies
   * have none) and an {@code sts:AssumeRole*} action (resource policies of other services do not).
   * A statement whose actions are not known leaves the answer false.
   */
  public boolean isTrustPolicy() {
    if (statements.isEmpty()) return false;
    for (Statement s : statements) {
      if (s.principal().isEmpty() && s.notPrincipal().isEmpty()) return false;
      boolean assumes = s.action().map(a -> a.items().stream().flatMap(v -> v.alternatives().stream())
          .anyMatch(v -> v.asText().map(t -> t.trim().toLowerCase(java.util.Locale.ROOT))
              .filter(t -> t.startsWith("sts:assumerole") || t.equals("sts:*")).isPresent())).orElse(false);
      if (!assumes) return false;
    }
    return true;
  }

  public static PolicyDocument empty(Location location) {
    return new PolicyDocument(location, Optional.empty(), List.of(), false);
  }
}
