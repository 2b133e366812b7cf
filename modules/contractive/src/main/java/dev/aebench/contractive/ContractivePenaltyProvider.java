package dev.aebench.contractive;

import dev.aebench.core.error.UserError;
import dev.aebench.core.jacobian.DiagonalJacobianNorm;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.objective.EncoderState;
import dev.aebench.core.objective.Penalty;
import dev.aebench.core.objective.PenaltyProvider;

import java.util.List;

/**
 * {@code contractive:lambda}: Rifai et al.'s contractive penalty in closed form,
 * {@code lambda * mean_b sum_j (h_bj (1 - h_bj))^2 ||W_j||^2}, for an encoder of one sigmoid
 * layer; other encoders are told to use {@code jacobian:lambda}.
 */
public final class ContractivePenaltyProvider implements PenaltyProvider {
    @Override
    public String name() {
        return "contractive";
    }

    @Override
    public String meaning() {
        return "contractive:lambda adds lambda * batch mean of ||dh/dx||_F^2 in closed form (one sigmoid encoder layer)";
    }

    @Override
    public Penalty create(double lambda, List<Double> extra, EncoderState encoder) {
        PenaltyArguments.checkLambda("contractive", "contractive:lambda", lambda);
        PenaltyArguments.checkNoExtra("contractive", "contractive:lambda", extra);
        List<DenseLayer> layers = encoder.layers();
        Activation act = layers.get(0).activation();
        if (layers.size() != 1 || act != Activation.SIGMOID) {
            throw new UserError("penalty contractive: the closed form needs one sigmoid encoder layer, found "
                    + layers.size() + " layer(s) with activation " + act.name().toLowerCase()
                    + "; use jacobian:" + lambda + " (exact for any dense encoder) or hutchinson:" + lambda + ":1");
        }
        return new JacobianPenalty("contractive:" + lambda, lambda, new DiagonalJacobianNorm(layers.get(0)));
    }
}
