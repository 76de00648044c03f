package dev.iamlint.model;

import dev.iamlint.value.Value;

/**
 * A service that starts instances from a launch template and gives them its own role: an EKS
 * managed node group (its node role), an AWS Batch compute environment (its instance role).
 * Such a template needs no instance profile of its own. {@code template} is the template's id
 * or name as the service names it.
 */
public record ServiceLaunch(ResourceRef resource, String service, Value template) {}
