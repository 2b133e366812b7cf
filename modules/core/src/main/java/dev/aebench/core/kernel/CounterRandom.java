package dev.aebench.core.kernel;

/**
 * Counter-based random numbers: value i of stream {@code seed} is a hash of (seed, i), so any
 * slice can be filled by any thread and the result is the same. SplitMix64's finaliser.
 */
public final class CounterRandom {
    private CounterRandom() {
    }

    /** 64 well-mixed bits for (seed, index). */
    public static long bits(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0,1) with 24 random bits. */
    public static float uniform(long seed, long index) {
        return (bits(seed, index) >>> 40) * 0x1.0p-24f;
    }

    /** Standard normal by Box-Muller ({@link BoxMuller}) on two independent 24-bit uniforms. */
    public static float gaussian(long seed, long index) {
        long r = bits(seed, index);
        return BoxMuller.transform(firstUniform(r), secondUniform(r));
    }

    /** The first uniform of a Box-Muller pair: in (0, 1], from the top 24 bits. */
    static float firstUniform(long bits) {
        return ((bits >>> 40) + 1) * 0x1.0p-24f;
    }

    /** The second uniform of a Box-Muller pair: in [0, 1), from the next 24 bits. */
    static float secondUniform(long bits) {
        return ((bits >>> 16) & 0xFFFFFF) * 0x1.0p-24f;
    }

    /** Derives an independent stream seed from a parent seed and a label. */
    public static long derive(long seed, long label) {
        return bits(seed ^ 0x5DEECE66DL, label);
    }
}
