package dev.aebench.core.nn;

import dev.aebench.core.testing.FiniteDifferences;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finite-difference checks of one layer's parameter and input gradients for the objective
 * {@code sum_i r_i y_i} with fixed random weights r.
 */
final class LayerGradients {
    private LayerGradients() {
    }

    /** The step is smaller for ReLU, where larger nudges switch some unit on or off almost always. */
    static void check(Layer layer, ParameterArena arena, float[] input, int rows, String what) {
        boolean relu = what.contains("RELU");
        float step = relu ? 1e-3f : 1e-2f;
        float[] r = random(rows * layer.outputSize(), 77);
        FiniteDifferences.Objective f = () -> {
            layer.forward(input, rows);
            double s = 0;
            for (int i = 0; i < r.length; i++) {
                s += (double) r[i] * layer.output()[i];
            }
            return s;
        };
        f.value();
        arena.zeroGrads();
        System.arraycopy(r, 0, layer.gradOutput(), 0, r.length);
        float[] gradInput = random(input.length, 5); // stale values must be overwritten
        layer.backward(input, rows, gradInput, false);
        float[] gradParams = arena.grads().clone();
        var kinks = (java.util.function.Supplier<boolean[]>) () -> FiniteDifferences.zeroOutputs(rows, List.of(layer));
        FiniteDifferences.Result params = FiniteDifferences.check(arena.params(),
                FiniteDifferences.spread(0, arena.size(), 400), gradParams, f, kinks, step, 2e-3, 1e-2);
        assertTrue(params.passed(), what + " parameters: " + params);
        FiniteDifferences.Result inputs = FiniteDifferences.check(input,
                FiniteDifferences.spread(0, rows * layer.inputSize(), 400), gradInput, f, kinks, step, 2e-3, 1e-2);
        assertTrue(inputs.passed(), what + " inputs: " + inputs);

        // accumulateInput adds to what is there
        f.value();
        System.arraycopy(r, 0, layer.gradOutput(), 0, r.length);
        float[] twice = gradInput.clone();
        layer.backward(input, rows, twice, true);
        for (int i = 0; i < rows * layer.inputSize(); i++) {
            assertTrue(Math.abs(twice[i] - 2 * gradInput[i]) <= 1e-5 * (1 + Math.abs(gradInput[i])),
                    what + ": accumulated input gradient at " + i);
        }
    }

    static float[] random(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }
}
