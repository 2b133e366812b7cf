package dev.aebench.nd4j;

import dev.aebench.core.kernel.KernelProvider;
import dev.aebench.core.kernel.Kernels;

/** Registers {@link Nd4jKernels} under the name {@code nd4j} ({@code AEBENCH_KERNELS=nd4j}). */
public final class Nd4jKernelProvider implements KernelProvider {

    @Override
    public String name() {
        return "nd4j";
    }

    @Override
    public Kernels create(int threads) {
        return new Nd4jKernels(threads);
    }
}
