package dev.iamlint.model;

import dev.iamlint.value.Value;

/** A CloudWatch alarm on one metric, named by {@code metricName} in {@code namespace}. */
public record MetricAlarm(ResourceRef resource, Value metricName, Value namespace) {}
