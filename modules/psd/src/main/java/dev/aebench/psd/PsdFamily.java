package dev.aebench.psd;

import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.HyperParameter;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;

import java.util.List;

/**
 * {@code psd}: predictive sparse decomposition. Reference: 256 unit-norm atoms, energy
 * {@code ||x - h D||^2 + lambda ||h||_1 + alpha ||h - f(x)||^2} per sample with lambda 0.5 and
 * alpha 1, codes inferred by 10 FISTA steps from {@code f(x) = shrink(x W + b, theta)}; Adam
 * 1e-3, batch 128. Test codes are {@code f(x)}.
 */
public final class PsdFamily implements ModelFamily {
    @Override
    public String name() {
        return "psd";
    }

    @Override
    public String summary() {
        return "predictive sparse decomposition (reference: 256 unit-norm atoms, ||x - hD||^2 + lambda |h|_1 "
                + "+ alpha ||h - f(x)||^2, 10 FISTA steps, f = shrink(xW + b, theta))";
    }

    @Override
    public List<HyperParameter> hyperParameters() {
        return List.of(
                HyperParameter.integer("hidden", 256, 1, 65536,
                        "dictionary atoms (the code size); more than the 784 pixels makes an overcomplete dictionary"),
                HyperParameter.real("lambda", 0.5, 0, 1e6,
                        "weight of lambda * sum_j |h_j| in each sample's energy (squared error summed over pixels); "
                                + "larger gives sparser codes, 0 none"),
                HyperParameter.real("alpha", 1.0, 0, 1e6,
                        "weight of alpha * ||h - f(x)||^2, which ties the inferred codes to the encoder's "
                                + "prediction and trains the encoder; 0 leaves the encoder untrained"),
                HyperParameter.integer("fista_steps", 10, 1, 1000,
                        "FISTA steps of code inference per training batch, started at the encoder's prediction"),
                HyperParameter.real("lr", 1e-3, 1e-7, 10, "Adam learning rate for the dictionary and the encoder "
                        + "(betas 0.9/0.999, eps 1e-8)"),
                HyperParameter.integer("batch", 128, 1, 65536, "mini-batch size; the last partial batch is kept"));
    }

    /** The validated spec of a resolved configuration. */
    public PsdSpec spec(ModelConfig c) {
        return new PsdSpec(c.getInt("hidden"), c.getDouble("lambda"), c.getDouble("alpha"), c.getInt("fista_steps"),
                (float) c.getDouble("lr"), c.getInt("batch"));
    }

    @Override
    public Autoencoder create(ModelConfig config, ModelContext context) {
        return new PsdAutoencoder(spec(config), context);
    }
}
