package dev.aebench.contractive;

import dev.aebench.core.error.UserError;

import java.util.List;

/** Validation of the numbers in a Jacobian penalty spec, with one-line messages. */
final class PenaltyArguments {
    /** The largest number of Hutchinson probes per sample. */
    static final int MAX_PROBES = 1024;

    private PenaltyArguments() {
    }

    static void checkLambda(String penalty, String form, double lambda) {
        if (!(lambda >= 0)) {
            throw new UserError("penalty " + penalty + ": expected " + form + " with lambda >= 0, found lambda = " + lambda);
        }
    }

    static void checkNoExtra(String penalty, String form, List<Double> extra) {
        if (!extra.isEmpty()) {
            throw new UserError("penalty " + penalty + ": expected one number (" + form + "), found extra parameters " + extra);
        }
    }

    /** The probe count of {@code hutchinson:lambda[:k]}: 1 when omitted. */
    static int probes(List<Double> extra) {
        if (extra.size() > 1) {
            throw new UserError("penalty hutchinson: expected hutchinson:lambda or hutchinson:lambda:k, found "
                    + (1 + extra.size()) + " numbers");
        }
        if (extra.isEmpty()) {
            return 1;
        }
        double k = extra.get(0);
        if (k != Math.rint(k) || k < 1 || k > MAX_PROBES) {
            throw new UserError("penalty hutchinson: expected the probe count k to be an integer in [1, " + MAX_PROBES
                    + "], found " + k);
        }
        return (int) k;
    }
}
