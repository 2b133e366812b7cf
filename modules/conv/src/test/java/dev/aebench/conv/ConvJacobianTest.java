package dev.aebench.conv;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.SyntheticImages;
import dev.aebench.core.jacobian.DifferentiableEncoder;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.VectorKernels;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.testing.EncoderJacobians;
import dev.aebench.core.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole conv encoder's exact Jacobians against central finite differences of its encode. */
class ConvJacobianTest {
    private static final int ROWS = 3;

    private static void check(int side, Map<String, String> settings) {
        try (Kernels ks = new VectorKernels(2)) {
            Map<String, String> s = new HashMap<>(Map.of("channels", "2,3", "code", "4", "batch", "8"));
            s.putAll(settings);
            ConvFamily family = new ConvFamily();
            ConvAutoencoder m = (ConvAutoencoder) family.create(ModelConfig.resolve(family, s),
                    new ModelContext(side, side, 42, ks));
            Dataset d = SyntheticImages.generate(ROWS, side, 2, 5);
            DifferentiableEncoder e = m.differentiableEncoder();
            FiniteDifferences.Result r = EncoderJacobians.check(e, d.x(), ROWS,
                    () -> FiniteDifferences.zeroOutputs(1, m.encoderLayers().layers()), 1e-2f, 2e-4, 1e-2);
            r.assertPassed("conv " + settings);
            int total = ROWS * e.codeDim() * e.inputDim();
            assertTrue(r.checked() > 0.7 * total, "too many kinks skipped: " + r);
        }
    }

    @Test
    void smoothEncoderMatchesFiniteDifferences() {
        check(8, Map.of("activation", "tanh", "code_activation", "tanh"));
        check(7, Map.of("activation", "sigmoid", "kernel", "4", "channels", "3,2,2"));
    }

    @Test
    void reluEncoderMatchesFiniteDifferencesAwayFromKinks() {
        check(8, Map.of("activation", "relu"));
    }
}
