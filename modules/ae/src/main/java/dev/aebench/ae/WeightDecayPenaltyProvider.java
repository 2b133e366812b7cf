package dev.aebench.ae;

import dev.aebench.core.error.UserError;
import dev.aebench.core.nn.ParameterArena;
import dev.aebench.core.objective.EncoderState;
import dev.aebench.core.objective.Penalty;
import dev.aebench.core.objective.PenaltyProvider;

import java.util.List;

/**
 * {@code l2:w}: weight decay, {@code w * sum of squared weights} over every layer's weights
 * (biases excluded), added to the objective; its gradient {@code 2 w W} goes straight to the arena.
 */
public final class WeightDecayPenaltyProvider implements PenaltyProvider {
    @Override
    public String name() {
        return "l2";
    }

    @Override
    public String meaning() {
        return "l2:w adds w * sum of squared weights (all layers, no biases)";
    }

    @Override
    public Penalty create(double weight, List<Double> extra, EncoderState encoder) {
        if (!(weight >= 0) || !extra.isEmpty()) {
            throw new UserError("penalty l2: expected l2:w with w >= 0, found weight " + weight
                    + (extra.isEmpty() ? "" : " and extra parameters " + extra));
        }
        return new Penalty() {
            @Override
            public String describe() {
                return "l2:" + weight;
            }

            @Override
            public double apply(EncoderState e, boolean withGradient) {
                ParameterArena a = e.arena();
                float[] p = a.params();
                float[] g = a.grads();
                double sum = 0;
                float twoW = (float) (2 * weight);
                for (int[] range : e.weightRanges()) {
                    for (int i = range[0]; i < range[1]; i++) {
                        sum += (double) p[i] * p[i];
                        if (withGradient) {
                            g[i] += twoW * p[i];
                        }
                    }
                }
                return weight * sum;
            }
        };
    }
}
