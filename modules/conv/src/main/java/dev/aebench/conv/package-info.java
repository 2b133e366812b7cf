/**
 * The convolutional autoencoder family {@code conv}: stride-2 convolutions down to a dense code
 * and the mirrored transposed convolutions back up to a sigmoid image, trained on MSE with Adam
 * through the shared mini-batch loop. The layers (and their im2col + GEMM math) live in
 * {@code dev.aebench.core.nn}; this package only plans the shapes and runs the steps.
 *
 * <p>Input corruption plugs in by name exactly as for the dense families, so a denoising
 * convolutional autoencoder is a configuration ({@code --model conv --set
 * corruption=gaussian:0.5}). The Jacobian and activation penalties ({@code contractive},
 * {@code sparse}, ...) stay dense-only: they read a dense encoder's layers through
 * {@link dev.aebench.core.objective.EncoderState}, which a convolutional encoder does not have,
 * so this family has no {@code penalty} hyperparameter.
 */
package dev.aebench.conv;
