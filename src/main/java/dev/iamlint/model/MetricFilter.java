package dev.iamlint.model;

import dev.iamlint.value.Value;
import java.util.List;

/**
 * A CloudWatch Logs metric filter: {@code name} is the filter's name (what a reference to the
 * filter's id or Ref yields), {@code pattern} its filter pattern, {@code metrics} the metrics it
 * publishes.
 */
public record MetricFilter(ResourceRef resource, Value name, Value pattern, List<Metric> metrics) {

  public MetricFilter {
    metrics = List.copyOf(metrics);
  }

  /** A metric transformation: the metric's name and namespace. */
  public record Metric(Value name, Value namespace) {}
}
