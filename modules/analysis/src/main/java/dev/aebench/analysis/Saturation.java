package dev.aebench.analysis;

import dev.aebench.core.kernel.Activation;

/**
 * Rifai's SAT: the fraction of code units in the flat part of their activation, per input,
 * averaged over inputs (sigmoid: {@code h < 0.05} or {@code h > 0.95}; tanh: {@code |h| > 0.95};
 * ReLU: {@code h = 0}); and the fraction of units inactive for every input (sigmoid
 * {@code h < 0.05}, tanh {@code |h| < 0.05}, ReLU {@code h = 0}). Undefined (NaN) for a linear code.
 */
final class Saturation {
    static final double LOW = 0.05;
    static final double HIGH = 0.95;

    record Result(double saturated, double neverActive) {
    }

    private Saturation() {
    }

    static Result of(float[] codes, int rows, int dim, Activation act) {
        if (act == Activation.IDENTITY) {
            return new Result(Double.NaN, Double.NaN);
        }
        long saturated = 0;
        boolean[] active = new boolean[dim];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dim; j++) {
                float h = codes[r * dim + j];
                if (saturated(act, h)) {
                    saturated++;
                }
                if (!inactive(act, h)) {
                    active[j] = true;
                }
            }
        }
        int never = 0;
        for (boolean a : active) {
            never += a ? 0 : 1;
        }
        return new Result((double) saturated / ((double) rows * dim), (double) never / dim);
    }

    static boolean saturated(Activation act, float h) {
        return switch (act) {
            case SIGMOID -> h < LOW || h > HIGH;
            case TANH -> Math.abs(h) > HIGH;
            case RELU -> h == 0f;
            case IDENTITY -> false;
        };
    }

    static boolean inactive(Activation act, float h) {
        return switch (act) {
            case SIGMOID -> h < LOW;
            case TANH -> Math.abs(h) < LOW;
            case RELU, IDENTITY -> h == 0f;
        };
    }
}
