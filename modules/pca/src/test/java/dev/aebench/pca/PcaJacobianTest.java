package dev.aebench.pca;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.jacobian.DifferentiableEncoder;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.VectorKernels;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.testing.EncoderJacobians;
import dev.aebench.core.testing.FiniteDifferences;
import dev.aebench.core.train.EpochListener;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** PCA's encoder Jacobian (its components, the same at every input) against central finite differences. */
class PcaJacobianTest {
    @Test
    void jacobianMatchesFiniteDifferences() {
        for (String method : new String[] {"exact", "subspace"}) {
            try (Kernels ks = new VectorKernels(2)) {
                Dataset data = SyntheticImages.generate(300, 8, 5, 3);
                PcaModel m = new PcaModel(new PcaOptions(5, method), new ModelContext(8, 8, 1, ks));
                m.fit(data, 1, EpochListener.NONE);
                DifferentiableEncoder e = m.differentiableEncoder();
                assertEquals(Activation.IDENTITY, e.codeActivation());
                FiniteDifferences.Result r = EncoderJacobians.check(e, data.x(), 20, null, 1e-2f, 1e-4, 1e-3);
                r.assertPassed("pca " + method);
                assertEquals(20 * 5 * 64, r.checked());
            }
        }
    }
}
