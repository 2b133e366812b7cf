package dev.aebench.ae;

import dev.aebench.core.dense.DenseFamily;

/** {@code deep}: 784-512-128-32-128-512-784, ReLU everywhere including the code, sigmoid output. */
public final class DeepFamily extends DenseFamily {
    @Override
    public String name() {
        return "deep";
    }

    @Override
    public String summary() {
        return "deep autoencoder (reference: 784-512-128-32-128-512-784, ReLU incl. code, sigmoid output)";
    }

    @Override
    protected Defaults defaults() {
        return new Defaults("512,128,32", "relu", "sigmoid", false, "mse");
    }
}
