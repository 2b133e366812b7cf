package dev.aebench.denoising;

import dev.aebench.core.error.UserError;

/** Validation of corruption levels, with one-line messages naming the corruption. */
final class Levels {
    private Levels() {
    }

    /** A standard deviation: finite and at least 0. */
    static float nonNegative(String corruption, String field, double level) {
        if (!(level >= 0) || Double.isInfinite(level)) {
            throw new UserError("corruption " + corruption + ": expected " + field + " >= 0, found " + level);
        }
        return (float) level;
    }

    /** A probability: in [0, 1]. */
    static float probability(String corruption, String field, double level) {
        if (!(level >= 0 && level <= 1)) {
            throw new UserError("corruption " + corruption + ": expected " + field + " in [0, 1], found " + level);
        }
        return (float) level;
    }
}
