package dev.aebench.core.dense;

import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.Layer;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares the hand-written gradient of a {@link DenseAutoencoder}'s whole objective (loss plus
 * penalties, as {@link DenseAutoencoder#forwardBackward} computes it) with central finite
 * differences, parameter by parameter. Float arithmetic limits the agreement, so a parameter
 * passes when {@code |analytic - numeric| <= absTolerance + relTolerance * max(|analytic|, |numeric|)}.
 * A parameter whose nudges switch a ReLU on or off somewhere (an output that is exactly zero in
 * one evaluation and not in the other) is skipped: the objective has a kink there.
 */
public final class GradientCheck {

    /** One parameter whose two gradients disagree. */
    public record Mismatch(int index, double analytic, double numeric) {
        @Override
        public String toString() {
            return "param " + index + ": analytic " + analytic + ", numeric " + numeric;
        }
    }

    /** How many parameters were compared, skipped at kinks, and which disagreed. */
    public record Result(int checked, int skippedAtKinks, List<Mismatch> mismatches) {
        public boolean passed() {
            return mismatches.isEmpty();
        }

        @Override
        public String toString() {
            return checked + " checked, " + skippedAtKinks + " skipped at kinks, " + mismatches.size()
                    + " mismatches" + (mismatches.isEmpty() ? "" : ", first: " + mismatches.subList(0, Math.min(5, mismatches.size())));
        }
    }

    private GradientCheck() {
    }

    /**
     * Checks every {@code stride}-th parameter (all of them for stride 1) on one batch. The step
     * seed is fixed, so corruptions and stochastic penalties draw the same numbers each time.
     */
    public static Result run(DenseAutoencoder model, float[] batch, int rows, long stepSeed, float step,
                             double absTolerance, double relTolerance, int stride) {
        float[] params = model.arena().params();
        model.forwardBackward(batch, rows, stepSeed);
        float[] analytic = model.arena().grads().clone();
        boolean[] basePattern = zeroPattern(model, rows);
        int checked = 0;
        int skipped = 0;
        List<Mismatch> bad = new ArrayList<>();
        for (int i = 0; i < params.length; i += stride) {
            float original = params[i];
            float up = original + step;
            float down = original - step;
            params[i] = up;
            double fUp = model.forwardBackward(batch, rows, stepSeed);
            boolean kink = !java.util.Arrays.equals(basePattern, zeroPattern(model, rows));
            params[i] = down;
            double fDown = model.forwardBackward(batch, rows, stepSeed);
            kink |= !java.util.Arrays.equals(basePattern, zeroPattern(model, rows));
            params[i] = original;
            if (kink) {
                skipped++;
                continue;
            }
            double numeric = (fUp - fDown) / ((double) up - (double) down);
            double a = analytic[i];
            checked++;
            if (Math.abs(a - numeric) > absTolerance + relTolerance * Math.max(Math.abs(a), Math.abs(numeric))) {
                bad.add(new Mismatch(i, a, numeric));
            }
        }
        model.forwardBackward(batch, rows, stepSeed);
        return new Result(checked, skipped, bad);
    }

    /** Which hidden and output activations of the last forward pass are exactly zero. */
    private static boolean[] zeroPattern(DenseAutoencoder model, int rows) {
        List<Layer> layers = new ArrayList<>();
        for (DenseLayer l : model.layers()) {
            layers.add(l);
        }
        layers.addAll(model.decoderLayers());
        int total = 0;
        for (Layer l : layers) {
            total += rows * l.outputSize();
        }
        boolean[] zero = new boolean[total];
        int k = 0;
        for (Layer l : layers) {
            float[] y = l.output();
            for (int i = 0; i < rows * l.outputSize(); i++) {
                zero[k++] = y[i] == 0f;
            }
        }
        return zero;
    }
}
