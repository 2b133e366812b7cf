/**
 * Sparse autoencoders: two penalties on the code layer, {@code l1:w} (mean absolute activation,
 * summed over units) and {@code kl:beta:rho} (KL divergence between a target firing rate rho and
 * each sigmoid unit's mean activation over the batch), and the {@code sparse} family, the
 * shallow autoencoder with those penalties set by its {@code rho}, {@code beta} and {@code l1}
 * knobs. Both penalties only add a gradient to the code layer's outputs; the shared backward
 * pass carries it into the weights.
 */
package dev.aebench.sparse;
