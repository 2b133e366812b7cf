package dev.aebench.ae;

import dev.aebench.core.dense.DenseFamily;

/** {@code tied}: the shallow autoencoder with decoder weights tied to the encoder's, W_dec = W_enc^T. */
public final class TiedFamily extends DenseFamily {
    @Override
    public String name() {
        return "tied";
    }

    @Override
    public String summary() {
        return "shallow autoencoder with tied weights (W_dec = W_enc^T), 784-256-784, sigmoid";
    }

    @Override
    protected Defaults defaults() {
        return new Defaults("256", "sigmoid", "sigmoid", true, "mse");
    }
}
