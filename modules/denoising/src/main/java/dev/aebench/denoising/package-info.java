/**
 * Denoising autoencoders: four input corruptions ({@code gaussian:sigma}, {@code mask:nu},
 * {@code saltpepper:nu}, and {@code additive:sigma}, Gaussian without clipping) that any dense family can use through {@code --set corruption=...},
 * and the {@code dae} family, which is the shallow autoencoder with a corruption chosen by its
 * own knobs ({@code noise}, {@code sigma}, {@code nu}). The corruption only changes what the
 * encoder sees; the reconstruction target stays the clean batch. Noise is counter-based, so a
 * step's corruption depends only on its seed, never on the thread count.
 */
package dev.aebench.denoising;
