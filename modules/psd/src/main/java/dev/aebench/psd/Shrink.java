package dev.aebench.psd;

/** The soft-threshold (shrinkage) operator, the proximal map of {@code t |v|}. */
final class Shrink {
    private Shrink() {
    }

    /**
     * {@code sign(v) max(|v| - t, 0)} for {@code t >= 0}, written {@code v - clamp(v, -t, t)}:
     * no branch (the sign of the codes is unpredictable), and exact, since {@code v - v = 0}.
     */
    static float apply(float v, float t) {
        return v - Math.max(-t, Math.min(v, t));
    }
}
