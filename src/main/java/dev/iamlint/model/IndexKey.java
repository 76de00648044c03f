package dev.iamlint.model;

import java.util.Objects;

/**
 * What an index of the model finds an element by: the declaration a reference points to (its
 * scope and address), a name (as the index normalises it), or neither. A record of texts the
 * model already holds, whose hashes those texts keep, not a text joined from them: a large
 * project's indexes built some 300,000 joined keys (a tenth of the heap kept to the end) and
 * joined another for every lookup (half of the privilege-escalation rule's time).
 */
public record IndexKey(Form form, String first, String second) {
  public enum Form { REFERENCE, NAME, NONE }

  /** The key of neither a reference nor a name (a value that names nothing in particular). */
  public static final IndexKey NONE = new IndexKey(Form.NONE, "", "");

  public static IndexKey reference(String scope, String address) {
    return new IndexKey(Form.REFERENCE, scope, address);
  }

  public static IndexKey reference(ResourceRef declared) {
    return reference(declared.scope(), declared.address());
  }

  /** {@code name} as the index normalises names (folded or lower-cased: each index says which). */
  public static IndexKey named(String name) {
    return new IndexKey(Form.NAME, name, "");
  }

  // equals and hashCode written out, with the values the record's own would give (hashCode folds
  // each component as h * 31 + its hash): the generated ones are bound on first use through a chain
  // of method handles, which a fresh JVM builds at some cost, and this record is hashed on every run.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof IndexKey k && form == k.form && Objects.equals(first, k.first)
        && Objects.equals(second, k.second);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(form);
    h = h * 31 + Objects.hashCode(first);
    return h * 31 + Objects.hashCode(second);
  }
}
