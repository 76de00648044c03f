/**
 * The hostile-input suite: every input is generated at run time (nothing big is committed), the
 * scan runs as a separate JVM with a small heap ({@link dev.iamlint.hostile.HostileScan}), and
 * each case asserts the exit code, a located finding for what was cut or refused, that the run
 * ends within a generous timeout (never a tight timing assertion), and that a canary beside the
 * hostile file is still judged.
 *
 * <ul>
 *   <li>{@code EvaluationLimitsTest}: the evaluation budgets of Terraform and CloudFormation.
 *   <li>{@code ScalingTest}: inputs that were quadratic in the number of elements.
 *   <li>What the reader and the parsers refuse (sizes, encodings, special files, number literals,
 *       command-line errors) is tested in {@code dev.iamlint.scan.UnreadableFilesTest},
 *       {@code FailureIsolationTest} and {@code HostileInputTest}; such cases may move here, next
 *       to these, with {@link dev.iamlint.hostile.HostileScan} to run them.
 * </ul>
 */
package dev.iamlint.hostile;
