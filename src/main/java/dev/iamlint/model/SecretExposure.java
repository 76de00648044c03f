package dev.iamlint.model;

import dev.iamlint.source.Location;

/**
 * How a secret such as a console password is given: readable by anyone who reads the template
 * or the state, or protected. {@code description} names the value and where it came from.
 */
public record SecretExposure(Kind kind, String description, Location location) {
  public enum Kind {
    /** The secret is written in the source. */
    LITERAL,
    /** The secret is the default of an input, so it is in the source. */
    INPUT_DEFAULT,
    /** The secret is an input that is shown in clear (no NoEcho). */
    INPUT_VISIBLE,
    /**
     * The secret is stored unencrypted where others can read it: generated into Terraform state
     * without pgp_key, or read from a plain String SSM parameter.
     */
    STORED_IN_CLEAR,
    /** Dynamic reference, masked input, or encrypted output. */
    PROTECTED,
    /** Cannot be told. */
    UNKNOWN
  }

  public boolean exposed() {
    return kind == Kind.LITERAL || kind == Kind.INPUT_DEFAULT || kind == Kind.INPUT_VISIBLE
        || kind == Kind.STORED_IN_CLEAR;
  }
}
