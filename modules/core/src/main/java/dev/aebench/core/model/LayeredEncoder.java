package dev.aebench.core.model;

import dev.aebench.core.nn.LayerStack;

/**
 * A fitted model whose encoder is a stack of the core layers ({@link dev.aebench.core.nn.DenseLayer},
 * {@link dev.aebench.core.nn.Conv2dLayer}), so that a classifier can be initialised from it and
 * trained end to end (the fine-tuning protocol of Rifai et al. 2011). The code is the first
 * {@link Autoencoder#codeDim()} columns of the stack's output (all of them, except for an encoder
 * whose last layer also emits other quantities, such as a VAE's log-variances).
 *
 * <p>The layers are read, never run or changed, by whoever copies them: their parameters are
 * in their own arena at their offsets, and their buffers may be sized for one row.
 */
public interface LayeredEncoder {
    /** The encoder's layers, input first. */
    LayerStack encoderLayers();
}
