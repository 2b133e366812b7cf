package dev.aebench.contractive;

import dev.aebench.core.dense.DenseFamily;
import dev.aebench.core.error.UserError;
import dev.aebench.core.model.HyperParameter;
import dev.aebench.core.model.ModelConfig;

import java.util.List;

/**
 * {@code cae}: the shallow autoencoder (784-256-784, sigmoid, MSE) plus
 * {@code lambda * ||dh/dx||_F^2}. {@code jacobian} picks how the norm is computed: {@code closed}
 * (the classic closed form, one sigmoid layer), {@code exact} (any encoder) or
 * {@code hutchinson} (stochastic, {@code probes} Gaussian probes per sample). lambda = 0 leaves
 * the term out.
 */
public final class CaeFamily extends DenseFamily {
    @Override
    public String name() {
        return "cae";
    }

    @Override
    public String summary() {
        return "contractive autoencoder (reference: 784-256-784, sigmoid, MSE + lambda * ||dh/dx||_F^2)";
    }

    @Override
    protected List<HyperParameter> extraHyperParameters() {
        return List.of(
                HyperParameter.real("lambda", 0.1, 0, Double.MAX_VALUE,
                        "weight of the contractive term lambda * batch mean of ||dh/dx||_F^2; 0 leaves it out"),
                HyperParameter.choice("jacobian", "closed", "how ||dh/dx||_F^2 is computed: closed form (one sigmoid layer), "
                        + "exact (any encoder) or hutchinson (stochastic estimate)", "closed", "exact", "hutchinson"),
                HyperParameter.integer("probes", 1, 1, PenaltyArguments.MAX_PROBES,
                        "Gaussian probe vectors per sample (jacobian=hutchinson only)"));
    }

    @Override
    protected String familyPenalty(ModelConfig config) {
        String lambda = config.get("lambda");
        if (config.getDouble("lambda") == 0) {
            return null;
        }
        String method = config.get("jacobian");
        return switch (method) {
            case "closed" -> {
                checkClosedFormApplies(config);
                yield "contractive:" + lambda;
            }
            case "exact" -> "jacobian:" + lambda;
            case "hutchinson" -> "hutchinson:" + lambda + ":" + config.get("probes");
            default -> throw new IllegalStateException("jacobian choice not handled: " + method);
        };
    }

    private static void checkClosedFormApplies(ModelConfig config) {
        String hidden = config.get("hidden");
        String act = config.get("activation");
        if (hidden.contains(",") || !act.equals("sigmoid")) {
            throw new UserError("jacobian: closed needs one sigmoid encoder layer, found hidden=" + hidden
                    + " activation=" + act + "; set jacobian=exact (or jacobian=hutchinson)");
        }
    }
}
