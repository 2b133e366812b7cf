package dev.aebench.core.kernel;

/**
 * A kernel implementation outside core, found with {@link java.util.ServiceLoader} and chosen by
 * name ({@code -Daebench.kernels=NAME} or {@code AEBENCH_KERNELS=NAME}): the ND4J backend of
 * the {@code nd4j} module is one.
 */
public interface KernelProvider {

    /** The name users select it by, such as {@code nd4j}. */
    String name();

    /** Kernels splitting work over {@code threads} threads. */
    Kernels create(int threads);
}
