/**
 * The PCA baseline as an autoencoder: covariance by the kernels' GEMM, top-k eigenvectors by
 * block subspace iteration (default) or Commons Math's full eigendecomposition, and linear
 * encode/decode around the mean. It takes no epochs; its one "epoch" is the fit.
 */
package dev.aebench.pca;
