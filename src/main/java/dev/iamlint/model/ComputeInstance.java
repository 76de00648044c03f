package dev.iamlint.model;

import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * Something that launches EC2 instances, and the instance profile it gives them.
 * {@code launchTemplate} is the launch template an instance is started from, which may give the profile.
 */
public record ComputeInstance(ResourceRef resource, Kind kind, Optional<Value> instanceProfile,
    Optional<Value> userData, Optional<Value> launchTemplate) {

  public enum Kind {
    INSTANCE("instance"), LAUNCH_TEMPLATE("launch template"), LAUNCH_CONFIGURATION("launch configuration"),
    SPOT_REQUEST("spot instance request");

    private final String noun;

    Kind(String noun) {
      this.noun = noun;
    }

    public String noun() {
      return noun;
    }
  }
}
