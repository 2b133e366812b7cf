package dev.aebench.sparse;

import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.objective.EncoderState;
import dev.aebench.core.objective.Penalty;
import dev.aebench.core.objective.PenaltyProvider;

import java.util.List;

/**
 * {@code kl:beta:rho}: {@code beta * sum_j KL(rho || rhoHat_j)}, where {@code rhoHat_j} is the
 * mean over the batch of sigmoid code unit j and
 * {@code KL(p || q) = p log(p/q) + (1-p) log((1-p)/(1-q))}. Unlike the other penalties this is a
 * property of the batch, not a mean of per-sample values. The code layer must be sigmoid so that
 * rhoHat is a firing rate in (0,1); rhoHat is clamped to [1e-7, 1 - 1e-7] (no gradient beyond).
 */
public final class KlSparsityPenaltyProvider implements PenaltyProvider {
    private static final double CLAMP = 1e-7;

    @Override
    public String name() {
        return "kl";
    }

    @Override
    public String meaning() {
        return "kl:beta:rho adds beta * sum_j KL(rho || batch mean of sigmoid code unit j), rho in (0,1)";
    }

    @Override
    public Penalty create(double beta, List<Double> extra, EncoderState encoder) {
        if (!(beta >= 0)) {
            throw new UserError("penalty kl: expected kl:beta:rho with beta >= 0, found beta = " + beta);
        }
        if (extra.size() != 1) {
            throw new UserError("penalty kl: expected two numbers, kl:beta:rho such as kl:3:0.05, found "
                    + (1 + extra.size()));
        }
        double rho = extra.get(0);
        if (!(rho > 0 && rho < 1)) {
            throw new UserError("penalty kl: expected rho strictly between 0 and 1, found rho = " + rho);
        }
        DenseLayer code = encoder.codeLayer();
        if (code.activation() != Activation.SIGMOID) {
            throw new UserError("penalty kl: needs a sigmoid code layer (rho is a target firing rate in (0,1)); found "
                    + code.activation().name().toLowerCase() + " (set activation=sigmoid or use l1:w instead)");
        }
        return new KlPenalty(beta, rho, code.outputSize());
    }

    /** The bound penalty, with per-unit buffers allocated once. */
    private static final class KlPenalty implements Penalty {
        private final double beta;
        private final double rho;
        private final double[] rates;
        private final float[] unitGradients;

        KlPenalty(double beta, double rho, int units) {
            this.beta = beta;
            this.rho = rho;
            this.rates = new double[units];
            this.unitGradients = new float[units];
        }

        @Override
        public String describe() {
            return "kl:" + beta + ":" + rho;
        }

        @Override
        public double apply(EncoderState e, boolean withGradient) {
            DenseLayer code = e.codeLayer();
            int rows = e.rows();
            int units = code.outputSize();
            float[] h = code.output();
            java.util.Arrays.fill(rates, 0);
            for (int r = 0; r < rows; r++) {
                int base = r * units;
                for (int j = 0; j < units; j++) {
                    rates[j] += h[base + j];
                }
            }
            double value = 0;
            for (int j = 0; j < units; j++) {
                double q = rates[j] / rows;
                boolean clamped = q < CLAMP || q > 1 - CLAMP;
                q = Math.min(1 - CLAMP, Math.max(CLAMP, q));
                value += rho * Math.log(rho / q) + (1 - rho) * Math.log((1 - rho) / (1 - q));
                // dPenalty/dh_bj, the same for every row b
                unitGradients[j] = clamped ? 0f : (float) (beta * (-rho / q + (1 - rho) / (1 - q)) / rows);
            }
            if (withGradient) {
                float[] g = code.gradOutput();
                for (int r = 0; r < rows; r++) {
                    int base = r * units;
                    for (int j = 0; j < units; j++) {
                        g[base + j] += unitGradients[j];
                    }
                }
            }
            return beta * value;
        }
    }
}
