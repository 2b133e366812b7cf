package dev.aebench.sparse;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.dense.DenseSpec;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.LossKind;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.objective.ObjectiveRegistry;

/** Small models on 4x4 synthetic images for the tests of this module. */
final class Fixtures {
    static final int SIDE = 4;
    static final ObjectiveRegistry OBJECTIVES = ObjectiveRegistry.load();

    private Fixtures() {
    }

    static Dataset images(int count, long seed) {
        return SyntheticImages.generate(count, SIDE, 3, seed);
    }

    /** A dense autoencoder on 16 inputs with the given encoder sizes, activation and penalty. */
    static DenseAutoencoder model(Kernels kernels, Activation act, String penalty, long seed, int... hidden) {
        DenseSpec spec = new DenseSpec(hidden, act, Activation.SIGMOID, false, LossKind.MSE, 1e-3f, 8, "none", penalty);
        return new DenseAutoencoder(spec, new ModelContext(SIDE, SIDE, seed, kernels), OBJECTIVES);
    }
}
