package dev.aebench.core.testing;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.dense.DenseSpec;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.LossKind;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.objective.ObjectiveRegistry;

/**
 * Small models on synthetic images for the tests of every module: dense autoencoders on
 * {@link #SIDE} x {@link #SIDE} images (sigmoid output, MSE, Adam 1e-3, batch 8), with the
 * corruptions and penalties found on the test's class path.
 */
public final class TestModels {
    public static final int SIDE = 4;
    public static final ObjectiveRegistry OBJECTIVES = ObjectiveRegistry.load();

    private TestModels() {
    }

    /** {@code count} synthetic {@link #SIDE} x {@link #SIDE} images (3 classes). */
    public static Dataset images(int count, long seed) {
        return SyntheticImages.generate(count, SIDE, 3, seed);
    }

    /** A dense autoencoder on 16 inputs with the given encoder sizes, activation and penalty. */
    public static DenseAutoencoder dense(Kernels kernels, Activation act, String penalty, long seed, int... hidden) {
        return dense(kernels, act, false, penalty, seed, hidden);
    }

    public static DenseAutoencoder dense(Kernels kernels, Activation act, boolean tied, String penalty, long seed,
                                         int... hidden) {
        return dense(kernels, SIDE, act, tied, penalty, seed, hidden);
    }

    /** As above on {@code side x side} inputs. */
    public static DenseAutoencoder dense(Kernels kernels, int side, Activation act, boolean tied, String penalty,
                                         long seed, int... hidden) {
        DenseSpec spec = new DenseSpec(hidden, act, Activation.SIGMOID, tied, LossKind.MSE, 1e-3f, 8, "none", penalty);
        return new DenseAutoencoder(spec, new ModelContext(side, side, seed, kernels), OBJECTIVES);
    }

    /**
     * Multiplies the encoder's weights and biases by {@code factor}: larger weights make the
     * units' slopes differ across samples, so that Jacobian terms matter in the objective.
     */
    public static void scaleEncoder(DenseAutoencoder m, float factor) {
        float[] p = m.arena().params();
        m.layers().forEach(l -> {
            for (int i = 0; i < l.parameterCount(); i++) {
                p[l.weightOffset() + i] *= factor;
            }
        });
    }
}
