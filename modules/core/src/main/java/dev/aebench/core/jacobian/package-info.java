/**
 * Exact encoder Jacobians, for analyses of trained encoders and for Jacobian penalties:
 * {@link dev.aebench.core.jacobian.DifferentiableEncoder}, the interface a trained model offers;
 * {@link dev.aebench.core.jacobian.DenseJacobian}, products of slopes and weights for dense stacks
 * (one GEMM per layer for a whole batch); {@link dev.aebench.core.jacobian.StackJacobian},
 * vector-Jacobian products through any layer stack's backward pass (convolutions).
 */
package dev.aebench.core.jacobian;
