/**
 * Aligned plain-text tables for the terminal: the one writer behind the one-row table of
 * {@code aebench train}, the sweep summaries and the performance gate's tables.
 */
package dev.aebench.core.table;
