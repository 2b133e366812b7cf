package dev.aebench.denoising;

import dev.aebench.core.dense.DenseFamily;
import dev.aebench.core.model.HyperParameter;
import dev.aebench.core.model.ModelConfig;

import java.util.List;

/**
 * {@code dae}: the shallow autoencoder (784-256-784, sigmoid, MSE) trained to reconstruct clean
 * images from corrupted ones. {@code noise} picks the corruption, {@code sigma} is the Gaussian
 * noise level (clipped to [0,1] for {@code gaussian}, unclipped for {@code additive}) and
 * {@code nu} the masked or salt-and-pepper fraction; the unused one is ignored.
 */
public final class DaeFamily extends DenseFamily {
    @Override
    public String name() {
        return "dae";
    }

    @Override
    public String summary() {
        return "denoising autoencoder (reference: 784-256-784, sigmoid, MSE on clean targets from corrupted inputs)";
    }

    @Override
    protected List<HyperParameter> extraHyperParameters() {
        return List.of(
                HyperParameter.choice("noise", "gaussian", "input corruption: Gaussian clipped to [0,1] (sigma), "
                        + "masking (nu), salt-and-pepper (nu) or additive Gaussian without clipping (sigma)",
                        "gaussian", "mask", "saltpepper", "additive"),
                HyperParameter.real("sigma", 0.5, 0, Double.MAX_VALUE,
                        "standard deviation of the Gaussian noise, clipped to [0,1] (noise=gaussian) or not (noise=additive)"),
                HyperParameter.real("nu", 0.3, 0, 1,
                        "probability that a pixel is masked to 0 (noise=mask) or set to 0 or 1 (noise=saltpepper)"));
    }

    @Override
    protected String familyCorruption(ModelConfig config) {
        String noise = config.get("noise");
        return switch (noise) {
            case "gaussian" -> "gaussian:" + config.get("sigma");
            case "mask" -> "mask:" + config.get("nu");
            case "saltpepper" -> "saltpepper:" + config.get("nu");
            case "additive" -> "additive:" + config.get("sigma");
            default -> throw new IllegalStateException("noise choice not handled: " + noise);
        };
    }
}
