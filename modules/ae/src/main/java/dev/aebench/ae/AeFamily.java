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
}
