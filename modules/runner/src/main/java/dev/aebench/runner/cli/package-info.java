/**
 * The command line: a thin picocli layer over the Java API ({@code train}, {@code models}, and
 * the sweep and report commands). It maps {@link dev.aebench.core.error.UserError}s to one line
 * and exit code 2, and everything else to exit code 1.
 */
package dev.aebench.runner.cli;
