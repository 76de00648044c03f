package dev.iamlint.value;

/** Three-valued logic: a check that meets an unknown value answers UNKNOWN, never FALSE or TRUE. */
public enum Truth {
  TRUE, FALSE, UNKNOWN;

  public static Truth of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public Truth or(Truth other) {
    if (this == TRUE || other == TRUE) return TRUE;
    if (this == UNKNOWN || other == UNKNOWN) return UNKNOWN;
    return FALSE;
  }

  public Truth and(Truth other) {
    if (this == FALSE || other == FALSE) return FALSE;
    if (this == UNKNOWN || other == UNKNOWN) return UNKNOWN;
    return TRUE;
  }

  public Truth not() {
    return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
  }

  public boolean isTrue() {
    return this == TRUE;
  }

  public boolean isFalse() {
    return this == FALSE;
  }
}
