package dev.aebench.analysis;

import dev.aebench.core.kernel.Activation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saturation fractions against counts by hand on constructed codes. */
class SaturationTest {

    @Test
    void sigmoidCodesCountTheTailsAndTheUnitsNeverOn() {
        float[] codes = {
            0.01f, 0.50f, 0.97f, 0.02f,
            0.04f, 0.96f, 0.50f, 0.03f,
            0.90f, 0.10f, 0.99f, 0.049f,
        };
        Saturation.Result r = Saturation.of(codes, 3, 4, Activation.SIGMOID);
        // saturated: row 0: 0.01, 0.97, 0.02 (3); row 1: 0.04, 0.96, 0.03 (3); row 2: 0.99, 0.049 (2)
        assertEquals(8.0 / 12, r.saturated(), 1e-12);
        assertEquals(1.0 / 4, r.neverActive(), 1e-12); // unit 3 stays below 0.05
    }

    @Test
    void tanhAndReluUseTheirOwnFlatParts() {
        float[] tanh = {-0.99f, 0.2f, 0.96f, 0.01f, -0.5f, -0.02f};
        Saturation.Result t = Saturation.of(tanh, 2, 3, Activation.TANH);
        assertEquals(2.0 / 6, t.saturated(), 1e-12);
        assertEquals(0.0, t.neverActive(), 1e-12);
        float[] relu = {0f, 1.5f, 0f, 0f, 0.2f, 0f};
        Saturation.Result r = Saturation.of(relu, 2, 3, Activation.RELU);
        assertEquals(4.0 / 6, r.saturated(), 1e-12);
        assertEquals(2.0 / 3, r.neverActive(), 1e-12);
    }

    @Test
    void aLinearCodeHasNoSaturation() {
        assertTrue(Double.isNaN(Saturation.of(new float[] {1f, 2f}, 1, 2, Activation.IDENTITY).saturated()));
    }
}
