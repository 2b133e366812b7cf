/**
 * Neural-network building blocks over a flat {@link dev.aebench.core.nn.ParameterArena}: dense
 * and tied dense layers, 2-D convolutions and transposed convolutions (NCHW rows, im2col plus
 * GEMM) with hand-written backward passes, a {@link dev.aebench.core.nn.LayerStack} that chains
 * them, and Adam. The parameterised layers extend {@link dev.aebench.core.nn.ArenaLayer} (weights,
 * bias, activation and buffers; the activation's backward step) and add their own products. Layers own preallocated activation and gradient buffers sized for the largest
 * batch, so training steps allocate no arrays. {@link dev.aebench.core.nn.FiniteDifferences}
 * checks any hand-written gradient against central differences.
 */
package dev.aebench.core.nn;
