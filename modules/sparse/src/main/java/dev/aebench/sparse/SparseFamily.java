package dev.aebench.sparse;

import dev.aebench.core.dense.DenseFamily;
import dev.aebench.core.error.UserError;
import dev.aebench.core.model.HyperParameter;
import dev.aebench.core.model.ModelConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sparse}: the shallow autoencoder (784-256-784, sigmoid, MSE) with a KL sparsity
 * penalty {@code kl:beta:rho} on its code and optionally an L1 activity penalty {@code l1:w};
 * a zero weight leaves its term out.
 */
public final class SparseFamily extends DenseFamily {
    @Override
    public String name() {
        return "sparse";
    }

    @Override
    public String summary() {
        return "sparse autoencoder (reference: 784-256-784, sigmoid, MSE + beta * KL(rho || mean code activation))";
    }

    @Override
    protected List<HyperParameter> extraHyperParameters() {
        return List.of(
                HyperParameter.real("rho", 0.05, 0, 1,
                        "target mean activation of each code unit, strictly between 0 and 1"),
                HyperParameter.real("beta", 3.0, 0, Double.MAX_VALUE,
                        "weight of the KL sparsity term beta * sum_j KL(rho || mean activation of unit j); 0 leaves it out"),
                HyperParameter.real("l1", 0.0, 0, Double.MAX_VALUE,
                        "weight of the L1 activity term l1 * batch mean of sum_j |h_j|; 0 leaves it out"));
    }

    @Override
    protected String familyPenalty(ModelConfig config) {
        double rho = config.getDouble("rho");
        if (!(rho > 0 && rho < 1)) {
            throw new UserError("hyperparameter rho of model sparse: expected a number strictly between 0 and 1, found "
                    + config.get("rho"));
        }
        List<String> terms = new ArrayList<>();
        if (config.getDouble("beta") > 0) {
            terms.add("kl:" + config.get("beta") + ":" + config.get("rho"));
        }
        if (config.getDouble("l1") > 0) {
            terms.add("l1:" + config.get("l1"));
        }
        return terms.isEmpty() ? null : String.join("+", terms);
    }
}
