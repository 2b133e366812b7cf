/**
 * The denoising score field on two-dimensional data: for a model trained on
 * {@code synthetic:mixture}, the reconstruction displacement {@code r(x) - x} over a grid of the
 * unit square, compared with the mixture's exact score {@code d log p(x) / dx} (Alain and Bengio,
 * 2014: for small additive Gaussian corruption, {@code r(x) - x ~ sigma^2 d log p / dx}).
 * {@link dev.aebench.analysis.score.ScoreField} measures it and
 * {@link dev.aebench.analysis.score.ScoreFieldMetrics} describes its metrics.
 */
package dev.aebench.analysis.score;
