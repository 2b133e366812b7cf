package dev.aebench.finetune;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.VectorKernels;
import dev.aebench.core.metric.MetricCatalog;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.testing.TestModels;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.FitReport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FineTuningTest {

    /** An autoencoder without layers to copy. */
    private static final class Opaque implements Autoencoder {
        public int inputDim() {
            return 16;
        }

        public int codeDim() {
            return 2;
        }

        public long parameterCount() {
            return 0;
        }

        public FitReport fit(Dataset train, int epochs, EpochListener listener) {
            return null;
        }

        public void encode(float[] x, int rows, float[] codes) {
        }

        public void decode(float[] codes, int rows, float[] out) {
        }
    }

    @Test
    void scoresTheSplitsItIsGiven() {
        try (Kernels k = new VectorKernels(2)) {
            Dataset all = TestModels.images(400, 8);
            Dataset train = all.slice(0, 250, "[fit]");
            Dataset val = all.slice(250, 300, "[val]");
            Dataset test = all.slice(300, 400, "[test]");
            DenseAutoencoder ae = TestModels.dense(k, Activation.SIGMOID, "none", 3, 8);
            FineTuneResult r = FineTuning.run(ae, train, val, test, new FineTuneOptions(20, 25, 1e-2f, 4), k,
                    EpochListener.NONE);
            assertTrue(r.testAccuracy() > 0.8, "test accuracy " + r.testAccuracy());
            assertTrue(r.validationAccuracy() > 0.8, "validation accuracy " + r.validationAccuracy());
            assertEquals(20, r.fit().epochLoss().size());
            assertEquals(r.testAccuracy(), r.metrics().number(FineTuneMetrics.FINETUNE_ACC));
            assertEquals(r.validationAccuracy(), r.metrics().number(FineTuneMetrics.FINETUNE_VAL_ACC));
            FineTuneResult noVal = FineTuning.run(ae, train, null, test, new FineTuneOptions(1, 25, 1e-2f, 4), k,
                    EpochListener.NONE);
            assertTrue(Double.isNaN(noVal.validationAccuracy()));
            assertTrue(!noVal.metrics().has(FineTuneMetrics.FINETUNE_VAL_ACC));
        }
    }

    @Test
    void aModelWithoutLayersIsNamedUnsupported() {
        assertNotNull(FineTuning.unsupported(new Opaque()));
        try (Kernels k = new VectorKernels(1)) {
            assertNull(FineTuning.unsupported(TestModels.dense(k, Activation.SIGMOID, "none", 1, 4)));
            Dataset d = TestModels.images(20, 1);
            assertThrows(IllegalArgumentException.class, () -> FineTuning.run(new Opaque(), d, null, d,
                    FineTuneOptions.defaults(1, 0), k, EpochListener.NONE));
        }
    }

    @Test
    void epochsBelowOneAreOneClearLine() {
        UserError e = assertThrows(UserError.class, () -> FineTuneOptions.defaults(0, 0));
        assertEquals("--finetune: expected an integer in [1, 1000000] (fine-tuning epochs), found 0", e.getMessage());
        assertThrows(UserError.class, () -> FineTuneOptions.defaults(-3, 0));
    }

    @Test
    void theCatalogDescribesTheMetrics() {
        MetricCatalog c = MetricCatalog.load();
        for (String m : new String[] {FineTuneMetrics.FINETUNE_ACC, FineTuneMetrics.FINETUNE_VAL_ACC,
                FineTuneMetrics.FINETUNE_SEC_PER_EPOCH, FineTuneMetrics.FINETUNE_SEC}) {
            assertTrue(c.find(m).isPresent(), m);
        }
    }
}
