package dev.iamlint.terraform.functions;

import dev.iamlint.source.Location;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Value;
import java.util.List;

/**
 * A Terraform function over evaluated arguments. It never throws but for
 * {@link Budget.Exceeded} past an evaluation limit: a wrong argument gives an
 * unknown value that says why, and an unknown argument gives an unknown result (unless the
 * function's result does not depend on it). {@code at} is where the call is written; results
 * are located there.
 */
@FunctionalInterface
public interface TfFunction {
  Value call(List<Value> arguments, Location at, FileAccess files);
}
