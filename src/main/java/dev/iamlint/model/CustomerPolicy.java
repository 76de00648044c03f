package dev.iamlint.model;

import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * A customer managed policy with its document. {@code arnResource} is the resource part of its
 * ARN, {@code policy<path><name>}, when both are known exactly (a name generated from a prefix
 * is not): a resource pattern such as {@code policy/team-*} is matched against it.
 */
public record CustomerPolicy(ResourceRef resource, Value name, PolicyDocument document, Optional<String> arnResource) {

  public CustomerPolicy(ResourceRef resource, Value name, PolicyDocument document) {
    this(resource, name, document, Optional.empty());
  }

  /** {@code policy/ci/deploy} from a path ({@code /ci/}; missing = {@code /}) and an exact name. */
  public static Optional<String> arnResource(Optional<Value> path, Optional<Value> exactName) {
    Optional<String> p = path.isEmpty() ? Optional.of("/") : path.get().asText();
    Optional<String> n = exactName.flatMap(Value::asText);
    if (p.isEmpty() || n.isEmpty() || !p.get().startsWith("/") || !p.get().endsWith("/")) return Optional.empty();
    return Optional.of("policy" + p.get() + n.get());
  }
}
