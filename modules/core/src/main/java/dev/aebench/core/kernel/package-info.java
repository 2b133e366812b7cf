/**
 * Numeric kernels: the small {@link dev.aebench.core.kernel.Kernels} interface that every model
 * is written against (GEMM with transposes, fused bias and activation, column sums, losses,
 * Adam, counter-based noise, and the image operations convolutions need: im2col and its
 * adjoint, batched transposes, per-channel bias and sums, with {@link
 * dev.aebench.core.kernel.ConvGeometry}, and products with a row-sparse operand described by
 * {@link dev.aebench.core.kernel.RowSparsity}), its default Vector-API implementation, a scalar
 * reference implementation, and the persistent thread team both use. Another backend (the ND4J
 * one of the {@code nd4j} module) plugs in as a {@link dev.aebench.core.kernel.KernelProvider}
 * found on the class path and chosen by name in {@link dev.aebench.core.kernel.KernelFactory}.
 */
package dev.aebench.core.kernel;
