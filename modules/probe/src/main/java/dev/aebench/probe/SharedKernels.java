package dev.aebench.probe;

import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;

/** Single-threaded kernels for probes built without any, made on first use and kept for the JVM's life. */
final class SharedKernels {
    static final Kernels SINGLE = KernelFactory.create(1);

    private SharedKernels() {
    }
}
