package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A policy document in any shape a format writes it, read into statements. {@code complete} is
 * false when part of the document could not be evaluated (an unknown statement list, a
 * document that is not a map): rules then never conclude from an absence. {@code defects} are
 * what IAM would reject in it; a document certainly rejected grants and denies nothing, so it
 * keeps no statements and is not complete (its defects are the finding, not what it says).
 */
public record PolicyDocument(Location location, Optional<Value> version, List<Statement> statements,
    boolean complete, List<PolicyDefect> defects) {

  /** Where a document takes effect, which decides the elements its statements must have. */
  public enum Use {
    /** Attached to a user, group, role or permission set: statements need Resource or NotResource. */
    IDENTITY,
    /** A role's trust policy: statements have no Resource. */
    TRUST,
    /** Used outside the scan (a policy-document data source handed out through an output): either. */
    UNKNOWN
  }

  public PolicyDocument {
    statements = List.copyOf(statements);
    defects = List.copyOf(defects);
  }

  /** Reads an evaluated identity policy. Strings holding JSON must be turned into maps by the adapter. */
  public static PolicyDocument from(Value document) {
    return from(document, Use.IDENTITY, List.of());
  }

  /**
   * Reads an evaluated document used as {@code use}. {@code unreadable} are the defects of text
   * the adapter could not read as JSON (an alternative it left as text).
   */
  public static PolicyDocument from(Value document, Use use, List<PolicyDefect> unreadable) {
    return from(document, document, use, unreadable);
  }

  /**
   * As {@link #from(Value, Use, List)}, with the defects found in {@code checked}: the same
   * document where an adapter read more of it for the grammar than it gives the analysis (the
   * known parts of a text that also has unknown parts).
   */
  public static PolicyDocument from(Value document, Value checked, Use use, List<PolicyDefect> unreadable) {
    List<PolicyDefect> defects = new ArrayList<>(unreadable);
    defects.addAll(PolicyGrammar.check(checked, use));
    if (defects.stream().anyMatch(PolicyDefect::certain)) {
      return new PolicyDocument(document.location(), Optional.empty(), List.of(), false, defects);
    }
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
    return new PolicyDocument(document.location(), version, statements, complete, defects);
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
      boolean assumes = s.listedActions().stream().anyMatch(v -> v.asText().map(t -> t.trim().toLowerCase(Locale.ROOT))
          .filter(t -> t.startsWith("sts:assumerole") || t.equals("sts:*")).isPresent());
      if (!assumes) return false;
    }
    return true;
  }

  /**
   * Whether a statement names a principal: IAM rejects Principal and NotPrincipal in identity
   * policies, so such a document is a resource policy (a key, bucket or queue policy, or a
   * trust policy) and never the permissions of the principal it would be attached to.
   */
  public boolean namesPrincipal() {
    return statements.stream().anyMatch(s -> s.principal().isPresent() || s.notPrincipal().isPresent());
  }

  public static PolicyDocument empty(Location location) {
    return new PolicyDocument(location, Optional.empty(), List.of(), false, List.of());
  }
}
