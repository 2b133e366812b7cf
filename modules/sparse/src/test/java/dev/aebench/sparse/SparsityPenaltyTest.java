package dev.aebench.sparse;

import dev.aebench.core.testing.TestModels;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values of the KL and L1 penalties against a direct computation, and their validation. */
class SparsityPenaltyTest {
    private static final Kernels KERNELS = KernelFactory.create(2);
    private static final Dataset DATA = TestModels.images(12, 3);

    @AfterAll
    static void close() {
        KERNELS.close();
    }

    private static double penaltyValue(DenseAutoencoder m) {
        m.forwardBackward(DATA.x(), DATA.size(), 1L);
        return m.penalties().get(0).apply(m, false);
    }

    @Test
    void klIsBetaTimesTheSumOfUnitDivergences() {
        double beta = 3;
        double rho = 0.1;
        DenseAutoencoder m = TestModels.dense(KERNELS, Activation.SIGMOID, "kl:3:0.1", 4, 6);
        double value = penaltyValue(m);
        float[] h = m.codeLayer().output();
        double expected = 0;
        for (int j = 0; j < 6; j++) {
            double q = 0;
            for (int r = 0; r < DATA.size(); r++) {
                q += h[r * 6 + j];
            }
            q /= DATA.size();
            expected += rho * Math.log(rho / q) + (1 - rho) * Math.log((1 - rho) / (1 - q));
        }
        assertEquals(beta * expected, value, 1e-9 * value);
        assertEquals("kl:3.0:0.1", m.penalties().get(0).describe());
    }

    @Test
    void l1IsWeightTimesTheBatchMeanOfSummedMagnitudes() {
        DenseAutoencoder m = TestModels.dense(KERNELS, Activation.TANH, "l1:0.25", 4, 10, 6);
        double value = penaltyValue(m);
        float[] h = m.codeLayer().output();
        double sum = 0;
        for (int i = 0; i < DATA.size() * 6; i++) {
            sum += Math.abs(h[i]);
        }
        assertEquals(0.25 * sum / DATA.size(), value, 1e-9 * value);
        assertEquals("l1:0.25", m.penalties().get(0).describe());
    }

    @Test
    void klNeedsASigmoidCode() {
        UserError e = assertThrows(UserError.class, () -> TestModels.dense(KERNELS, Activation.RELU, "kl:3:0.05", 1, 8));
        assertTrue(e.getMessage().contains("sigmoid") && e.getMessage().contains("relu"), e.getMessage());
    }

    @Test
    void badNumbersAreOneLineUserErrors() {
        String[][] cases = {
                {"kl:3:0", "rho strictly between 0 and 1"},
                {"kl:3:1", "rho strictly between 0 and 1"},
                {"kl:3:1.5", "rho strictly between 0 and 1"},
                {"kl:3", "kl:beta:rho"},
                {"kl:3:0.05:1", "kl:beta:rho"},
                {"kl:-1:0.05", "beta >= 0"},
                {"l1:-0.1", "w >= 0"},
                {"l1:0.1:2", "extra parameters"},
        };
        for (String[] c : cases) {
            UserError e = assertThrows(UserError.class, () -> TestModels.dense(KERNELS, Activation.SIGMOID, c[0], 1, 8), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
