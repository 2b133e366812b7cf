/**
 * Representation analyses of a trained encoder, the figures of the denoising-versus-contractive
 * comparison: saturation of the code units; the distribution of the Jacobian's Frobenius norm and
 * its singular-value spectrum (from the exact Jacobians a model offers through
 * {@link dev.aebench.core.jacobian.DifferentiableEncoder}); contraction ratios against perturbation
 * radius, in random and on-manifold directions; reconstruction and probe accuracy under input
 * corruption; and retrieval in code space (10-NN classification and semantic hashing). A trial
 * calls {@link dev.aebench.analysis.Analyses#run} once with the analyses chosen by
 * {@link dev.aebench.analysis.AnalysisOptions}; every metric is described by
 * {@link dev.aebench.analysis.AnalysisMetrics}.
 */
package dev.aebench.analysis;
