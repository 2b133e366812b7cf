package dev.aebench.perf;

import dev.aebench.core.error.UserError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuClassTest {
    @Test
    void theClassesSeenSoFarFallInSeparateBands() {
        assertEquals("vector-256/fma-40-80", CpuClass.of(256, 57).id());   // Zen 3
        assertEquals("vector-512/fma-80-160", CpuClass.of(512, 112).id()); // Zen 4
        assertEquals("vector-512/fma-160-320", CpuClass.of(512, 225).id()); // Zen 5
        assertEquals("vector-512/fma-10-20", CpuClass.of(512, 3).id());
        assertEquals(160, CpuClass.of(512, 160).bandLow());
        assertEquals(80, CpuClass.of(512, 159.9).bandLow());
    }

    @Test
    void idsRoundTripAndMalformedOnesNameTheOption() {
        CpuClass c = CpuClass.of(512, 225);
        assertEquals(c, CpuClass.parse(c.id(), "--cpu-class"));
        UserError e = assertThrows(UserError.class, () -> CpuClass.parse("zen5", "--cpu-class"));
        assertTrue(e.getMessage().startsWith("--cpu-class: expected a CPU class such as vector-512/fma-160-320, found 'zen5'"), e.getMessage());
        assertThrows(UserError.class, () -> CpuClass.parse("vector-512/fma-160-300", "--cpu-class"));
        assertThrows(UserError.class, () -> CpuClass.parse("vector-512/fma-150-300", "--cpu-class"));
    }

    @Test
    void theProbeMeasuresAPlausibleRateForThisMachine() {
        CpuClass.Measured m = CpuClass.measure();
        // any machine that runs the tests does between 1 and 10,000 GFLOP/s on one core
        assertTrue(m.gflops() > 1 && m.gflops() < 10_000, m.describe());
        assertEquals(CalibrationKernel.vectorBits(), m.cpuClass().vectorBits());
        assertEquals(CpuClass.of(m.cpuClass().vectorBits(), m.gflops()), m.cpuClass());
    }
}
