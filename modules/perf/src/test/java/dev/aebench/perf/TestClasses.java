package dev.aebench.perf;

/** The CPU class the tests write and check baselines under, fixed so that no test depends on the probe's band. */
final class TestClasses {
    static final CpuClass CLASS = new CpuClass(CalibrationKernel.vectorBits(), 160);
    static final String ID = CLASS.id();

    private TestClasses() {
    }
}
