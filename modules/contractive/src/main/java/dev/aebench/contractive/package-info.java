/**
 * Contractive autoencoders: penalties on the squared Frobenius norm of the encoder's Jacobian,
 * {@code ||J_f(x)||_F^2 = ||dh/dx||^2}, averaged over the batch and weighted by lambda. The norms
 * and their exact gradients are core's ({@link dev.aebench.core.jacobian.JacobianNorm}); this
 * module parses the specs and checks that they apply. {@code contractive:lambda} is Rifai et
 * al.'s closed form for one sigmoid layer, {@code sum_j (h_j(1-h_j))^2 ||W_j||^2}, as cheap as an
 * element-wise pass; {@code jacobian:lambda} is exact for any stack of dense layers and
 * activations; {@code hutchinson:lambda:k} is the unbiased estimate {@code E ||J v||^2} over k
 * Gaussian probes per sample. The {@code cae} family chooses among them with its {@code jacobian}
 * knob.
 */
package dev.aebench.contractive;
