package dev.aebench.perf;

import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.ModelRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FamilyWorkloadTest {
    private static final ModelRegistry REGISTRY = ModelRegistry.load();
    private static CalibrationKernel calibration;

    @BeforeAll
    static void calibration() {
        calibration = new CalibrationKernel(2);
    }

    @AfterAll
    static void close() {
        calibration.close();
    }

    private static WorkloadRun linear(Kernels k, InjectedFaults faults) {
        return new FamilyWorkload(Workload.of("linear", WorkloadMode.SHORT), REGISTRY.get("linear"), k, faults).run(calibration);
    }

    @Test
    void everyRunTrainsFromTheSameStartToTheSameBitsWithOneRatioPerEpoch() {
        try (Kernels k = KernelFactory.create(2)) {
            WorkloadRun a = linear(k, InjectedFaults.NONE);
            WorkloadRun b = linear(k, InjectedFaults.NONE);
            assertTrue(a.finalLoss() > 0 && Double.isFinite(a.finalLoss()));
            assertEquals(a.finalLoss(), b.finalLoss());
            assertEquals(WorkloadMode.SHORT.epochs(), a.epochRatios().size());
            assertTrue(a.ratio() > 0 && a.epochMillis() > 0 && a.calibrationMillis() > 0);
        }
    }

    @Test
    void theSameBitsWithOneThread() {
        double two;
        double one;
        try (Kernels k = KernelFactory.create(2)) {
            two = linear(k, InjectedFaults.NONE).finalLoss();
        }
        try (Kernels k = KernelFactory.create(1)) {
            one = linear(k, InjectedFaults.NONE).finalLoss();
        }
        assertEquals(two, one);
    }

    @Test
    void aShiftedSeedChangesTheLoss() {
        try (Kernels k = KernelFactory.create(2)) {
            double base = linear(k, InjectedFaults.NONE).finalLoss();
            double moved = linear(k, new InjectedFaults(null, 0, "linear", 1)).finalLoss();
            assertNotEquals(base, moved);
        }
    }
}
