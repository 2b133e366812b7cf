package dev.aebench.ae;

import dev.aebench.core.dense.DenseFamily;

/** {@code linear}: identity activations and MSE; at its optimum it spans PCA's subspace. */
public final class LinearFamily extends DenseFamily {
    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String summary() {
        return "linear autoencoder (identity activations, MSE): spans the PCA subspace of its code size";
    }

    @Override
    protected Defaults defaults() {
        return new Defaults("32", "identity", "identity", false, "mse");
    }
}
