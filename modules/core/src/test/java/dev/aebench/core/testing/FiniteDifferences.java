package dev.aebench.core.testing;

import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.nn.Layer;
import dev.aebench.core.train.ArenaAutoencoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks a hand-written gradient against central finite differences, one coordinate at a time,
 * for any objective over a {@code float[]} (a parameter arena, or a layer's input). A coordinate
 * passes when {@code |analytic - numeric| <= abs + rel * max(|analytic|, |numeric|)}. When a
 * kink signature is given (such as which ReLU outputs are exactly zero), a coordinate whose
 * nudges change it is skipped: the objective is not differentiable there. A check passes only
 * when at least one coordinate was compared and none disagreed; {@link Result#assertPassed}
 * fails a test otherwise.
 */
public final class FiniteDifferences {

    /** The objective at the current values of the checked array. */
    @FunctionalInterface
    public interface Objective {
        double value();
    }

    /** One coordinate whose two gradients disagree. */
    public record Mismatch(int index, double analytic, double numeric) {
        @Override
        public String toString() {
            return "[" + index + "] analytic " + analytic + ", numeric " + numeric;
        }
    }

    /** How many coordinates were compared, skipped at kinks, and which disagreed. */
    public record Result(int checked, int skippedAtKinks, List<Mismatch> mismatches) {
        public Result {
            mismatches = List.copyOf(mismatches);
        }

        /** True when at least one coordinate was compared and none disagreed. */
        public boolean passed() {
            return mismatches.isEmpty() && checked > 0;
        }

        /** Fails with this result's description unless {@link #passed()}; {@code what} names the check. */
        public Result assertPassed(String what) {
            if (checked == 0) {
                throw new AssertionError(what + ": nothing was checked (" + this + ")");
            }
            if (!mismatches.isEmpty()) {
                throw new AssertionError(what + ": " + this);
            }
            return this;
        }

        @Override
        public String toString() {
            return checked + " checked, " + skippedAtKinks + " skipped at kinks, " + mismatches.size() + " mismatches"
                    + (mismatches.isEmpty() ? "" : ", first: " + mismatches.subList(0, Math.min(5, mismatches.size())));
        }
    }

    private FiniteDifferences() {
    }

    /**
     * Compares {@code analytic[i]} with {@code (f(x + h e_i) - f(x - h e_i)) / 2h} for each index,
     * restoring {@code x[i]} afterwards. {@code kinks}, read after evaluating f, may be null.
     */
    public static Result check(float[] x, int[] indices, float[] analytic, Objective f, Supplier<boolean[]> kinks,
                               float step, double abs, double rel) {
        f.value(); // the signature at the unperturbed point
        boolean[] base = kinks == null ? null : kinks.get().clone();
        int checked = 0;
        int skipped = 0;
        List<Mismatch> bad = new ArrayList<>();
        for (int i : indices) {
            float original = x[i];
            float up = original + step;
            float down = original - step;
            x[i] = up;
            double fUp = f.value();
            boolean kink = base != null && !Arrays.equals(base, kinks.get());
            x[i] = down;
            double fDown = f.value();
            kink |= base != null && !Arrays.equals(base, kinks.get());
            x[i] = original;
            if (kink) {
                skipped++;
                continue;
            }
            double numeric = (fUp - fDown) / ((double) up - (double) down);
            double a = analytic[i];
            checked++;
            if (!(Math.abs(a - numeric) <= abs + rel * Math.max(Math.abs(a), Math.abs(numeric)))) {
                bad.add(new Mismatch(i, a, numeric));
            }
        }
        return new Result(checked, skipped, bad);
    }

    /**
     * The gradient of a model's whole objective (as {@link ArenaAutoencoder#forwardBackward}
     * computes it on one batch with a fixed step seed, so corruptions and stochastic penalties
     * draw the same numbers each time) against central differences, at every {@code stride}-th
     * parameter of the arena. The arena's gradients are those of the unperturbed point afterwards.
     */
    public static Result checkModel(ArenaAutoencoder model, float[] batch, int rows, long stepSeed, int stride,
                                    Supplier<boolean[]> kinks, float step, double abs, double rel) {
        float[] params = model.arena().params();
        model.forwardBackward(batch, rows, stepSeed);
        float[] analytic = model.arena().grads().clone();
        int[] indices = new int[(params.length + stride - 1) / stride];
        for (int j = 0; j < indices.length; j++) {
            indices[j] = j * stride;
        }
        Result r = check(params, indices, analytic, () -> model.forwardBackward(batch, rows, stepSeed), kinks,
                step, abs, rel);
        model.forwardBackward(batch, rows, stepSeed);
        return r;
    }

    /** {@link #checkModel} for a dense model, skipping parameters whose nudges switch a ReLU anywhere. */
    public static Result checkDense(DenseAutoencoder model, float[] batch, int rows, long stepSeed, int stride,
                                    float step, double abs, double rel) {
        List<Layer> layers = new ArrayList<>(model.layers());
        layers.addAll(model.decoderLayers());
        return checkModel(model, batch, rows, stepSeed, stride, () -> zeroOutputs(rows, layers), step, abs, rel);
    }

    /** {@code count} indices spread evenly over {@code [from, to)} (all of them when count is larger). */
    public static int[] spread(int from, int to, int count) {
        int n = to - from;
        if (n <= 0) {
            return new int[0];
        }
        int m = Math.min(count, n);
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = from + (int) ((long) i * n / m);
        }
        return out;
    }

    /**
     * Which outputs of the last forward pass are exactly zero, over the first {@code rows} rows
     * of each layer: the kink signature of ReLU networks.
     */
    public static boolean[] zeroOutputs(int rows, List<? extends Layer> layers) {
        int total = 0;
        for (Layer l : layers) {
            total += rows * l.outputSize();
        }
        boolean[] z = new boolean[total];
        int k = 0;
        for (Layer l : layers) {
            float[] y = l.output();
            for (int i = 0; i < rows * l.outputSize(); i++) {
                z[k++] = y[i] == 0f;
            }
        }
        return z;
    }
}
