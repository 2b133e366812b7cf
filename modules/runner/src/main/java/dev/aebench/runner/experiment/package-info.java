/**
 * Experiment files: the YAML schema ({@link dev.aebench.runner.experiment.Experiment},
 * {@link dev.aebench.runner.experiment.ModelBlock}, grids, seeded random search with
 * {@link dev.aebench.runner.experiment.Distribution}s) and the
 * {@link dev.aebench.runner.experiment.ExperimentReader} that turns a file into them, checking
 * every key and type on the way. Every problem is one {@link dev.aebench.core.error.UserError}
 * line naming the file, the path of the field, what was expected and what was found
 * ({@link dev.aebench.runner.experiment.FieldProblem}). Checks against the model registry happen
 * when the plan is expanded (package {@code dev.aebench.runner.plan}).
 */
package dev.aebench.runner.experiment;
