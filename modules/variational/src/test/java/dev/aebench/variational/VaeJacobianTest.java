package dev.aebench.variational;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.jacobian.DifferentiableEncoder;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.VectorKernels;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.testing.EncoderJacobians;
import dev.aebench.core.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The VAE's mean head: exact Jacobians of mu(x) against central finite differences of its encode. */
class VaeJacobianTest {
    private static final int ROWS = 4;

    @Test
    void meanHeadMatchesFiniteDifferences() {
        for (String hidden : new String[] {"6", "8,5"}) {
            try (Kernels ks = new VectorKernels(2)) {
                VaeFamily family = new VaeFamily();
                Map<String, String> s = new HashMap<>(Map.of("hidden", hidden, "latent", "3", "batch", "8"));
                VariationalAutoencoder m = (VariationalAutoencoder) family.create(ModelConfig.resolve(family, s),
                        new ModelContext(6, 6, 7, ks));
                Dataset d = SyntheticImages.generate(ROWS, 6, 2, 3);
                DifferentiableEncoder e = m.differentiableEncoder();
                assertEquals(3, e.codeDim());
                assertEquals(Activation.IDENTITY, e.codeActivation());
                FiniteDifferences.Result r = EncoderJacobians.check(e, d.x(), ROWS,
                        () -> FiniteDifferences.zeroOutputs(1, m.encoderLayers().layers()), 1e-2f, 2e-4, 1e-2);
                r.assertPassed("vae hidden=" + hidden);
                assertTrue(r.checked() > 0.7 * ROWS * 3 * 36, "too many kinks skipped: " + r);
            }
        }
    }
}
