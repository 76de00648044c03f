package dev.iamlint.terraform.evaluation;

import dev.iamlint.hcl.Expression;
import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.FileAccess;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Value;
import java.util.List;

/**
 * What evaluating an expression needs of the module instance it is written in: its references,
 * its budget, its files. {@link Expressions}, {@link Templates}, {@link Types} and {@link
 * DataSources} see a module only through this, so that they do not depend on {@link
 * ModuleInstance}, which uses them.
 */
interface Evaluation {
  /** The value of {@code e} written in {@code file}, with the names of {@code scope} bound. */
  Value eval(Expression e, Scope scope, String file);

  /** Counts steps done outside {@link #eval} (a function's work, instances). */
  void charge(long steps);

  /** The unknown value a limit reached at {@code at} gives; the place is noted. */
  Value.Unknown cut(Budget.Exceeded x, Location at);

  /** A traversal root that is not a scope variable: var, local, module, data, resource... */
  Value root(String name, List<Expression> steps, Scope scope, String file, Location at, List<Integer> consumed);

  /** The attribute of a resource instance that only the provider knows. */
  Value computed(String instanceAddress, String attribute, Location at);

  /**
   * The value {@code v} written for an attribute of a resource instance, as read through that
   * instance: an unknown argument still belongs to the instance (the link the model follows).
   */
  Value ofInstance(String instanceAddress, String attribute, Value v);

  /** Notes the policy documents {@code e} names as used, without evaluating it (a branch not taken). */
  void noteDocumentsIn(Expression e);

  /** The partition the deployment runs in. */
  String partition();

  /** The files {@code file()} and {@code templatefile()} may read. */
  FileAccess files();
}
