package dev.aebench.analysis;

import dev.aebench.core.kernel.CounterRandom;

/** A seeded sample of distinct row indices, by a partial Fisher-Yates shuffle of a counter-based stream. */
final class SeededSubset {
    private SeededSubset() {
    }

    /** {@code count} distinct indices of {@code [0, n)}, in draw order; the same seed gives the same rows. */
    static int[] of(int n, int count, long seed) {
        if (count > n) {
            throw new IllegalArgumentException(count + " rows out of " + n);
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + (int) Long.remainderUnsigned(CounterRandom.bits(seed, i), n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, count);
    }

    /** The rows {@code rows} of a row-major matrix with {@code dim} columns. */
    static float[] gather(float[] x, int dim, int[] rows) {
        float[] out = new float[rows.length * dim];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(x, rows[r] * dim, out, r * dim, dim);
        }
        return out;
    }
}
