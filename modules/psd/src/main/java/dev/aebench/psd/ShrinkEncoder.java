package dev.aebench.psd;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.ParameterArena;

/**
 * The predictor {@code f(x) = shrink(x W + b, theta)}: a dense layer followed by a soft threshold
 * with one learned threshold {@code theta_j >= 0} per code unit, so that predicted codes have
 * exact zeros as the inferred ones do (the encoder of LISTA-style PSD variants; the original
 * paper's {@code G tanh(W x + b)} has none). {@code theta} follows W and b in the arena.
 */
final class ShrinkEncoder {
    private final Kernels kernels;
    private final ParameterArena arena;
    private final DenseLayer dense;
    private final int codes;
    private final int thetaOffset;
    private final float[] output;
    private final float[] thetaGrad;

    ShrinkEncoder(Kernels kernels, ParameterArena arena, int in, int codes, int maxRows) {
        this.kernels = kernels;
        this.arena = arena;
        this.codes = codes;
        this.dense = new DenseLayer(kernels, arena, in, codes, Activation.IDENTITY, maxRows);
        this.thetaOffset = arena.reserve(codes);
        this.output = new float[maxRows * codes];
        this.thetaGrad = new float[maxRows * codes];
    }

    /** PyTorch's default for W and b; every threshold {@code theta0}. After the arena is sealed. */
    void init(long seed, float theta0) {
        dense.initUniform(seed);
        java.util.Arrays.fill(arena.params(), thetaOffset, thetaOffset + codes, theta0);
    }

    /** {@code f(x)} for the first {@code rows} rows of {@code x}, rows x codes. */
    float[] forward(float[] x, int rows) {
        dense.forward(x, rows);
        float[] z = dense.output();
        float[] p = arena.params();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < codes; j++) {
                output[r * codes + j] = Shrink.apply(z[r * codes + j], p[thetaOffset + j]);
            }
        }
        return output;
    }

    /**
     * Adds to the arena the gradients of a loss whose gradient with respect to the last
     * {@link #forward}'s output is {@code gradOut}: through the threshold's mask into W and b,
     * and {@code -sign(z)} times it into theta where the unit is active.
     */
    void backward(float[] x, int rows, float[] gradOut) {
        float[] z = dense.output();
        float[] gz = dense.gradOutput();
        float[] p = arena.params();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < codes; j++) {
                int i = r * codes + j;
                float zi = z[i];
                float t = p[thetaOffset + j];
                boolean active = zi > t || zi < -t;
                gz[i] = active ? gradOut[i] : 0f;
                thetaGrad[i] = active ? (zi > 0 ? -gradOut[i] : gradOut[i]) : 0f;
            }
        }
        kernels.columnSums(thetaGrad, rows, codes, arena.grads(), thetaOffset, true);
        dense.backwardFromPreActivation(x, rows, null, false);
    }

    /** Which units of the last forward pass are active ({@code |z| > theta}): the kink signature. */
    boolean[] activeMask(int rows) {
        float[] z = dense.output();
        float[] p = arena.params();
        boolean[] m = new boolean[rows * codes];
        for (int i = 0; i < m.length; i++) {
            float t = p[thetaOffset + i % codes];
            m[i] = z[i] > t || z[i] < -t;
        }
        return m;
    }

    /** Projects the thresholds back onto {@code theta >= 0} after an update. */
    void clampThresholds() {
        float[] p = arena.params();
        for (int j = thetaOffset; j < thetaOffset + codes; j++) {
            if (!(p[j] >= 0f)) {
                p[j] = 0f;
            }
        }
    }

    DenseLayer dense() {
        return dense;
    }

    int thetaOffset() {
        return thetaOffset;
    }

    int codes() {
        return codes;
    }
}
