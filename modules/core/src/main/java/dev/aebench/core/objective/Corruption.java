package dev.aebench.core.objective;

import dev.aebench.core.kernel.Kernels;

/** Maps a clean batch to a corrupted copy with a seeded generator; the target stays clean. */
public interface Corruption {
    /** For provenance and tables, such as {@code gaussian:0.5}. */
    String describe();

    /** Writes the corrupted version of {@code clean[0..n)} into {@code out[0..n)}. */
    void apply(Kernels kernels, float[] clean, float[] out, int n, long seed);
}
