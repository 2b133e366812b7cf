package dev.aebench.core.dense;

import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.LossKind;

import java.util.Arrays;

/**
 * A dense autoencoder, validated: encoder sizes (the last is the code), the hidden and output
 * activations, tied decoder weights, the reconstruction loss, Adam's learning rate, the batch
 * size, and the corruption and penalty specs. The decoder mirrors the encoder.
 */
public record DenseSpec(int[] hidden, Activation activation, Activation output, boolean tied, LossKind loss,
                        float learningRate, int batch, String corruption, String penalty) {
    public DenseSpec {
        hidden = hidden.clone();
        if (hidden.length == 0) {
            throw new UserError("hidden: expected at least one layer size");
        }
        for (int h : hidden) {
            if (h <= 0) {
                throw new UserError("hidden: expected positive layer sizes, found " + h);
            }
        }
        if (batch < 1) {
            throw new UserError("batch: expected >= 1, found " + batch);
        }
        if (!(learningRate > 0)) {
            throw new UserError("lr: expected > 0, found " + learningRate);
        }
        if (loss == LossKind.BCE && output != Activation.SIGMOID) {
            throw new UserError("loss=bce needs output=sigmoid (predictions must lie in (0,1)), found output="
                    + output.name().toLowerCase());
        }
    }

    public int codeDim() {
        return hidden[hidden.length - 1];
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseSpec d && Arrays.equals(hidden, d.hidden) && activation == d.activation
                && output == d.output && tied == d.tied && loss == d.loss && learningRate == d.learningRate
                && batch == d.batch && corruption.equals(d.corruption) && penalty.equals(d.penalty);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + java.util.Objects.hash(activation, output, tied, loss, learningRate,
                batch, corruption, penalty);
    }

    @Override
    public String toString() {
        return "DenseSpec" + Arrays.toString(hidden) + " " + activation + "/" + output + (tied ? " tied" : "")
                + " " + loss + " lr=" + learningRate + " batch=" + batch + " corruption=" + corruption
                + " penalty=" + penalty;
    }
}
