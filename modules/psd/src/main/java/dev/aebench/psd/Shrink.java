package dev.aebench.psd;

/** The soft-threshold (shrinkage) operator, the proximal map of {@code t |v|}. */
final class Shrink {
    private Shrink() {
    }

    /** {@code sign(v) max(|v| - t, 0)} for {@code t >= 0}. */
    static float apply(float v, float t) {
        return v > t ? v - t : (v < -t ? v + t : 0f);
    }
}
