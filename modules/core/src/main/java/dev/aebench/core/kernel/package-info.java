/**
 * Numeric kernels: the small {@link dev.aebench.core.kernel.Kernels} interface that every model
 * is written against (GEMM with transposes, fused bias and activation, column sums, losses,
 * Adam, counter-based noise, and the image operations convolutions need: im2col and its
 * adjoint, batched transposes, per-channel bias and sums, with {@link
 * dev.aebench.core.kernel.ConvGeometry}), its default Vector-API implementation, a scalar reference
 * implementation, and the persistent thread team both use. A second backend plugs in by
 * implementing the same interface.
 */
package dev.aebench.core.kernel;
