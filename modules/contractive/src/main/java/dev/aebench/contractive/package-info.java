/**
 * Contractive autoencoders: penalties on the squared Frobenius norm of the encoder's Jacobian,
 * {@code ||J_f(x)||_F^2 = ||dh/dx||^2}, averaged over the batch and weighted by lambda, each with
 * a hand-written exact gradient. {@code contractive:lambda} is Rifai et al.'s closed form for one
 * sigmoid layer, {@code sum_j (h_j(1-h_j))^2 ||W_j||^2}, as cheap as an element-wise pass;
 * {@code jacobian:lambda} is exact for any stack of dense layers and activations (batched GEMMs
 * that carry the Jacobian with respect to the first layer's units, closed with
 * {@code W_1^T W_1}); {@code hutchinson:lambda:k} is the unbiased estimate
 * {@code E ||J v||^2} over k Gaussian probes per sample, pushed forward through the layers. The
 * {@code cae} family chooses among them with its {@code jacobian} knob.
 *
 * <p>All three follow one pattern: they read the encoder's outputs, send their gradient with
 * respect to each layer's slopes {@code act'(z)} to that layer's output gradient, and add their
 * direct weight gradients to the arena; the shared backward pass does the rest.
 */
package dev.aebench.contractive;
