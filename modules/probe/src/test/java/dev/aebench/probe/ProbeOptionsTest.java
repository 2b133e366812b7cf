package dev.aebench.probe;

import org.junit.jupiter.api.Test;

import static dev.aebench.probe.LabelledCodesTest.assertOneLineUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeOptionsTest {
    private static final ProbeOptions D = ProbeOptions.sgdDefaults();

    @Test
    void defaultsAreValidAndDescribed() {
        assertTrue(D.standardize());
        assertEquals(0.0, D.l2());
        assertTrue(D.describe().contains("epochs=" + D.epochs()));
    }

    @Test
    void withersChangeOneField() {
        assertEquals(new ProbeOptions(D.epochs(), D.learningRate(), D.l2(), 9, D.standardize(), D.minibatchSize(),
                D.optimiser()), D.withSeed(9));
        assertEquals(3, D.withEpochs(3).epochs());
        assertEquals(false, D.withStandardize(false).standardize());
    }

    @Test
    void rejectsInvalidValues() {
        assertOneLineUserError("epochs", () -> D.withEpochs(0));
        assertOneLineUserError("learning rate", () -> new ProbeOptions(1, 0, 0, 1, true, 1, ProbeOptimiser.ADAGRAD));
        assertOneLineUserError("learning rate",
                () -> new ProbeOptions(1, Double.NaN, 0, 1, true, 1, ProbeOptimiser.ADAGRAD));
        assertOneLineUserError("l2", () -> new ProbeOptions(1, 1, -1e-9, 1, true, 1, ProbeOptimiser.ADAGRAD));
        assertOneLineUserError("l2",
                () -> new ProbeOptions(1, 1, Double.POSITIVE_INFINITY, 1, true, 1, ProbeOptimiser.ADAGRAD));
        assertOneLineUserError("minibatch", () -> new ProbeOptions(1, 1, 0, 1, true, 0, ProbeOptimiser.ADAGRAD));
        assertOneLineUserError("optimiser", () -> new ProbeOptions(1, 1, 0, 1, true, 1, null));
    }

    @Test
    void resultRejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new ProbeResult(1.01, 1, 1, 1, "m"));
        assertThrows(IllegalArgumentException.class, () -> new ProbeResult(0.5, -1, 1, 1, "m"));
        assertThrows(IllegalArgumentException.class, () -> new ProbeResult(0.5, 1, 0, 1, "m"));
        assertThrows(IllegalArgumentException.class, () -> new ProbeResult(0.5, 1, 1, 1, " "));
    }
}
