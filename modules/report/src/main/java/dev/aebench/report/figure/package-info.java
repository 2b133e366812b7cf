/**
 * The report's figures ({@link dev.aebench.report.figure.Figure}): charts drawn with JFreeChart
 * ({@link dev.aebench.report.figure.Charts}) and image grids and code scatters from the trials'
 * artifacts ({@link dev.aebench.report.figure.Pictures}), each painted once as SVG with JFreeSVG
 * and once as a 2x PNG, with nothing in the output that depends on the clock or the locale.
 */
package dev.aebench.report.figure;
