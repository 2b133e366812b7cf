/**
 * Writing a report: its content as a format-neutral document (what was asked and the protocol,
 * results, significance, sweeps, figures, the comparison with Rifai et al.), rendered as
 * Markdown for code-hosting sites and as one self-contained HTML page, with {@code summary.csv}
 * and the figures' SVG and PNG files ({@link dev.aebench.report.render.Report}).
 */
package dev.aebench.report.render;
