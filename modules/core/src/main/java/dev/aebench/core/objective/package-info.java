/**
 * Objective pieces that plug in by name: {@link dev.aebench.core.objective.Penalty} terms and
 * input {@link dev.aebench.core.objective.Corruption}s, their ServiceLoader providers, and the
 * registry that parses specs such as {@code mask:0.3} and {@code contractive:0.1+l2:1e-4}. Family
 * modules provide the implementations; a combination is a configuration, not new code.
 */
package dev.aebench.core.objective;
