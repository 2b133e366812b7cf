/**
 * Neural-network building blocks over a flat {@link dev.aebench.core.nn.ParameterArena}: dense
 * and tied dense layers with hand-written backward passes, and Adam. Layers own preallocated
 * activation and gradient buffers sized for the largest batch, so training steps allocate no
 * arrays.
 */
package dev.aebench.core.nn;
