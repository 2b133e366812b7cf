/**
 * Summaries of a sweep's folder: per configuration, mean and standard deviation over seeds of
 * the validation and test figures (aggregated with Tablesaw), the configuration of each block
 * selected on the validation split, and the test figures reported for it; as an aligned text
 * table or CSV. Only records of the folder's current plan are used.
 */
package dev.aebench.runner.summary;
