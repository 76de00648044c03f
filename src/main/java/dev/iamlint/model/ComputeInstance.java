package dev.iamlint.model;

import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * Something that launches EC2 instances, and the instance profile it gives them.
 * {@code launchTemplate} is the launch template an instance is started from, which may give the profile.
 * {@code name} is the element's own name when it has one (a launch template's), by which others may name it.
 * {@code metadataEndpoint} is the instance metadata service setting ({@code http_endpoint},
 * {@code HttpEndpoint}) when written: "disabled" leaves the instance no way to fetch role credentials.
 */
public record ComputeInstance(ResourceRef resource, Kind kind, Optional<Value> instanceProfile,
    Optional<Value> userData, Optional<Value> launchTemplate, Optional<Value> name, Optional<Value> metadataEndpoint) {

  public ComputeInstance(ResourceRef resource, Kind kind, Optional<Value> instanceProfile, Optional<Value> userData,
      Optional<Value> launchTemplate) {
    this(resource, kind, instanceProfile, userData, launchTemplate, Optional.empty(), Optional.empty());
  }

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
