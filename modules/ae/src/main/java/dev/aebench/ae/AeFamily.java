package dev.aebench.ae;

import dev.aebench.core.dense.DenseFamily;

/** {@code ae}: the shallow undercomplete autoencoder, 784-256-784, sigmoid/sigmoid, MSE. */
public final class AeFamily extends DenseFamily {
    @Override
    public String name() {
        return "ae";
    }

    @Override
    public String summary() {
        return "shallow undercomplete autoencoder (reference: 784-256-784, sigmoid, MSE)";
    }

    @Override
    protected Defaults defaults() {
        return new Defaults("256", "sigmoid", "sigmoid", false, "mse");
    }
}
