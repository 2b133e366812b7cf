package dev.aebench.core.kernel;

import dev.aebench.core.error.UserError;

import java.util.ServiceLoader;

/**
 * Chooses the kernel implementation by the system property {@code aebench.kernels} (or the
 * environment variable {@code AEBENCH_KERNELS}): {@code vector} (the default; the scalar kernels
 * when the vector module is absent), {@code scalar}, or the name of a {@link KernelProvider} on
 * the class path, such as {@code nd4j}.
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
        if ("scalar".equalsIgnoreCase(choice)) {
            return new ScalarKernels(threads);
        }
        if ("vector".equalsIgnoreCase(choice)) {
            return builtIn(threads);
        }
        StringBuilder known = new StringBuilder("vector, scalar");
        for (KernelProvider p : ServiceLoader.load(KernelProvider.class)) {
            if (p.name().equalsIgnoreCase(choice)) {
                return p.create(threads);
            }
            known.append(", ").append(p.name());
        }
        throw new UserError("kernels (aebench.kernels / AEBENCH_KERNELS): expected one of " + known
                + (known.indexOf("nd4j") < 0 ? " (nd4j needs a build with AEBENCH_MAVEN_ARGS=-Pnd4j)" : "")
                + ", found '" + choice + "'");
    }

    /** The Vector-API kernels, or the scalar ones where the vector module is absent or not useful. */
    static Kernels builtIn(int threads) {
        return vectorAvailable() && VectorKernels.useful() ? new VectorKernels(threads) : new ScalarKernels(threads);
    }

    private static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
