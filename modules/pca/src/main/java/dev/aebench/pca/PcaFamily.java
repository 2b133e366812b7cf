package dev.aebench.pca;

import dev.aebench.core.error.UserError;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.HyperParameter;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;

import java.util.List;

/** {@code pca}: the PCA baseline; reconstruction is projection, back-projection and the mean. */
public final class PcaFamily implements ModelFamily {
    @Override
    public String name() {
        return "pca";
    }

    @Override
    public String summary() {
        return "PCA baseline: code = top-k principal components; ignores --epochs";
    }

    @Override
    public List<HyperParameter> hyperParameters() {
        return List.of(
                HyperParameter.integer("k", 32, 1, 65536, "number of principal components (the code size)"),
                HyperParameter.choice("method", "auto",
                        "eigen-solver: subspace iteration to convergence, Commons Math's full decomposition, or auto"
                                + " (subspace for k <= " + PcaOptions.SUBSPACE_MAX_K + ", exact above)",
                        "auto", "subspace", "exact"));
    }

    @Override
    public Autoencoder create(ModelConfig config, ModelContext context) {
        PcaOptions options = new PcaOptions(config.getInt("k"), config.get("method"));
        if (options.k() > context.inputDim()) {
            throw new UserError("k: expected at most the input size " + context.inputDim() + ", found " + options.k());
        }
        return new PcaModel(options, context);
    }
}
