package dev.aebench.sparse;

import dev.aebench.core.error.UserError;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.objective.EncoderState;
import dev.aebench.core.objective.Penalty;
import dev.aebench.core.objective.PenaltyProvider;

import java.util.List;

/**
 * {@code l1:w}: {@code w * mean over the batch of sum_j |h_j|} on the code layer. Its gradient
 * with respect to a code unit is {@code (w / B) sign(h)} (0 at exactly 0).
 */
public final class L1ActivityPenaltyProvider implements PenaltyProvider {
    @Override
    public String name() {
        return "l1";
    }

    @Override
    public String meaning() {
        return "l1:w adds w * batch mean of sum_j |h_j| over the code units (activity sparsity)";
    }

    @Override
    public Penalty create(double weight, List<Double> extra, EncoderState encoder) {
        if (!(weight >= 0)) {
            throw new UserError("penalty l1: expected l1:w with w >= 0, found w = " + weight);
        }
        if (!extra.isEmpty()) {
            throw new UserError("penalty l1: expected one number (l1:w), found extra parameters " + extra);
        }
        return new Penalty() {
            @Override
            public String describe() {
                return "l1:" + weight;
            }

            @Override
            public double apply(EncoderState e, boolean withGradient) {
                DenseLayer code = e.codeLayer();
                int n = e.rows() * code.outputSize();
                float[] h = code.output();
                float[] g = code.gradOutput();
                float step = (float) (weight / e.rows());
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    float v = h[i];
                    sum += Math.abs(v);
                    if (withGradient) {
                        g[i] += step * Math.signum(v);
                    }
                }
                return weight * sum / e.rows();
            }
        };
    }
}
