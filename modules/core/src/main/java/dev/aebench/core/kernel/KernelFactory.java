package dev.aebench.core.kernel;

/**
 * Chooses the kernel implementation: the Vector-API kernels unless the system property
 * {@code aebench.kernels=scalar} (or environment variable {@code AEBENCH_KERNELS}) asks for the
 * scalar ones, or the vector module is absent.
 */
public final class KernelFactory {
    private KernelFactory() {
    }

    /** Threads to use when the user does not say: the available processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static Kernels create(int threads) {
        String choice = System.getProperty("aebench.kernels", System.getenv().getOrDefault("AEBENCH_KERNELS", "vector"));
        if (!"scalar".equalsIgnoreCase(choice) && vectorAvailable() && VectorKernels.useful()) {
            return new VectorKernels(threads);
        }
        return new ScalarKernels(threads);
    }

    private static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
