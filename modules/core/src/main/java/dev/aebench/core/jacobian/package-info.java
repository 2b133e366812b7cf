/**
 * Encoder Jacobians: the one implementation behind the analyses of trained encoders and the
 * contractive penalties.
 *
 * <p>For analyses: {@link dev.aebench.core.jacobian.DifferentiableEncoder}, the interface a
 * trained model offers ({@link dev.aebench.core.jacobian.DenseEncoder},
 * {@link dev.aebench.core.jacobian.StackEncoder}, {@link dev.aebench.core.jacobian.LinearEncoder});
 * {@link dev.aebench.core.jacobian.DenseJacobian}, products of slopes and weights for dense stacks
 * (one GEMM per layer for a whole batch); {@link dev.aebench.core.jacobian.StackJacobian},
 * vector-Jacobian products through any layer stack's backward pass (convolutions).
 *
 * <p>For penalties: {@link dev.aebench.core.jacobian.JacobianNorm}, lambda times the batch mean of
 * {@code ||J||_F^2} of a dense encoder with its exact gradient:
 * {@link dev.aebench.core.jacobian.DiagonalJacobianNorm} (one layer; for a sigmoid, Rifai et al.'s
 * closed form), {@link dev.aebench.core.jacobian.DeepJacobianNorm} (exact for any dense stack, closed
 * with {@code W_0^T W_0}) and {@link dev.aebench.core.jacobian.HutchinsonJacobianNorm} (the unbiased
 * estimate {@code E ||J v||^2} over k Gaussian probes per sample, pushed forward through the layers).
 * {@code DenseJacobian} and {@code DeepJacobianNorm} build the same code-side products (package-private
 * {@code JacobianProducts}); every norm reads the layers' slopes {@code act'(z)} the same way
 * ({@code LayerSlopes}) and sends its gradient with respect to them to each layer's output gradient,
 * for the encoder's backward pass to carry on.
 */
package dev.aebench.core.jacobian;
