package dev.aebench.perf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationKernelTest {
    @Test
    void computesTheSameNumbersOnAnyNumberOfThreads() {
        double one;
        double two;
        try (CalibrationKernel c = new CalibrationKernel(1)) {
            assertTrue(c.timeNanos() > 0);
            one = c.checksum();
        }
        try (CalibrationKernel c = new CalibrationKernel(2)) {
            c.timeNanos();
            two = c.checksum();
        }
        assertTrue(Double.isFinite(one));
        assertEquals(one, two);
    }
}
