package dev.aebench.variational;

import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.HyperParameter;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;

import java.util.List;

/**
 * {@code vae}: the variational autoencoder. Reference: 784-400-(mu 20, logvar 20)-400-784, ReLU
 * hidden, sigmoid output, loss = BCE summed over pixels + KL to N(0, I), averaged over the batch;
 * Adam 1e-3, batch 128. {@code beta} weights the KL term (beta-VAE).
 */
public final class VaeFamily implements ModelFamily {
    @Override
    public String name() {
        return "vae";
    }

    @Override
    public String summary() {
        return "variational autoencoder / beta-VAE (reference: 784-400-(mu 20, logvar 20)-400-784, ReLU, sigmoid, "
                + "BCE sum + beta KL)";
    }

    @Override
    public List<HyperParameter> hyperParameters() {
        return List.of(
                HyperParameter.text("hidden", "400",
                        "encoder hidden layer sizes, comma-separated; the decoder mirrors them", VaeFamily::checkSizes),
                HyperParameter.integer("latent", 20, 1, 4096, "latent size (mu and logvar each have this many)"),
                HyperParameter.real("beta", 1.0, 0, 1e6, "weight of the KL term in the training loss (1: the ELBO)"),
                HyperParameter.choice("decoder", "bernoulli",
                        "likelihood of the sigmoid output: bernoulli (BCE summed over pixels) or gaussian (squared error)",
                        "bernoulli", "gaussian"),
                HyperParameter.real("lr", 1e-3, 1e-7, 10, "Adam learning rate (betas 0.9/0.999, eps 1e-8)"),
                HyperParameter.integer("batch", 128, 1, 65536, "mini-batch size; the last partial batch is kept"));
    }

    /** The validated spec of a resolved configuration. */
    public VaeSpec spec(ModelConfig c) {
        return new VaeSpec(parseSizes(c.get("hidden")), c.getInt("latent"), c.getDouble("beta"),
                DecoderLikelihood.parse(c.get("decoder")), (float) c.getDouble("lr"), c.getInt("batch"));
    }

    @Override
    public Autoencoder create(ModelConfig config, ModelContext context) {
        return new VariationalAutoencoder(spec(config), context);
    }

    static String checkSizes(String v) {
        try {
            parseSizes(v);
            return null;
        } catch (RuntimeException e) {
            return "comma-separated layer sizes in [1, 65536] such as 400 or 512,256";
        }
    }

    static int[] parseSizes(String v) {
        String[] parts = v.split(",", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].trim());
            if (out[i] < 1 || out[i] > 65536) {
                throw new IllegalArgumentException("layer size " + out[i]);
            }
        }
        return out;
    }
}
