package dev.iamlint.model;

import dev.iamlint.source.Location;

/**
 * A credential written into configuration: an AWS access key literal (KEY006), or static AWS
 * credentials handed to an instance's workload (EC2003). {@code description} says what and
 * where, never printing a secret in full.
 */
public record StaticCredential(ResourceRef resource, Location location, Kind kind, String description) {
  public enum Kind { KEY_LITERAL, INSTANCE_CREDENTIALS }
}
