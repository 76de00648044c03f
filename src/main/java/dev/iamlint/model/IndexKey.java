package dev.iamlint.model;

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
}
