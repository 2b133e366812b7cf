package dev.aebench.conv;

import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.Activation;

import java.util.Arrays;

/**
 * A convolutional autoencoder, validated: the output channels of each encoder convolution (the
 * decoder mirrors them back to one channel), the square kernel side, the stride (padding is
 * {@code kernel / 2}), the code size, the hidden and code activations, Adam's learning rate, the
 * batch size, and the corruption spec ({@code none} for a plain autoencoder).
 */
public record ConvSpec(int[] channels, int kernel, int stride, int code, Activation activation,
                       Activation codeActivation, float learningRate, int batch, String corruption) {
    public ConvSpec {
        channels = channels.clone();
        if (channels.length == 0) {
            throw new UserError("channels: expected at least one convolution, found none");
        }
        for (int c : channels) {
            if (c < 1) {
                throw new UserError("channels: expected positive channel counts, found " + c);
            }
        }
        if (kernel < 1) {
            throw new UserError("kernel: expected >= 1, found " + kernel);
        }
        if (stride < 1) {
            throw new UserError("stride: expected >= 1, found " + stride);
        }
        if (code < 1) {
            throw new UserError("code: expected >= 1, found " + code);
        }
        if (batch < 1) {
            throw new UserError("batch: expected >= 1, found " + batch);
        }
        if (!(learningRate > 0)) {
            throw new UserError("lr: expected > 0, found " + learningRate);
        }
    }

    /** Zero padding on every border: {@code kernel / 2}, so odd kernels keep a stride-1 image's size. */
    public int padding() {
        return kernel / 2;
    }

    @Override
    public int[] channels() {
        return channels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvSpec s && Arrays.equals(channels, s.channels) && kernel == s.kernel && stride == s.stride
                && code == s.code && activation == s.activation && codeActivation == s.codeActivation
                && learningRate == s.learningRate && batch == s.batch && corruption.equals(s.corruption);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(channels) * 31 + java.util.Objects.hash(kernel, stride, code, activation, codeActivation,
                learningRate, batch, corruption);
    }

    @Override
    public String toString() {
        return "ConvSpec" + Arrays.toString(channels) + " k" + kernel + " s" + stride + " code=" + code + " "
                + activation + "/" + codeActivation + " lr=" + learningRate + " batch=" + batch
                + " corruption=" + corruption;
    }
}
