package dev.aebench.conv;

import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.objective.Corruption;
import dev.aebench.core.objective.CorruptionProvider;

/**
 * A test corruption, {@code flip:p}: each pixel becomes {@code 1 - x} with probability p (drawn
 * from the step seed). The real ones live in the denoising module, which this module does not
 * depend on; registering this one shows that corruption is wired through by name.
 */
public final class FlipCorruption implements CorruptionProvider {
    @Override
    public String name() {
        return "flip";
    }

    @Override
    public String meaning() {
        return "flip:p turns x into 1 - x with probability p";
    }

    @Override
    public Corruption create(double level) {
        return new Corruption() {
            @Override
            public String describe() {
                return "flip:" + level;
            }

            @Override
            public void apply(Kernels kernels, float[] clean, float[] out, int n, long seed) {
                kernels.uniform(seed, out, 0, n);
                for (int i = 0; i < n; i++) {
                    out[i] = out[i] < level ? 1f - clean[i] : clean[i];
                }
            }
        };
    }
}
