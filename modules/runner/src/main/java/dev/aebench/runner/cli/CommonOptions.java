package dev.aebench.runner.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by commands that load data or choose threads. */
public final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "folder of MNIST-format IDX files, or synthetic:NAME[:SEED] for 2-D data (mixture, circle, spiral) "
                    + "(default: $AEBENCH_DATA, then /usr/share/datasets/fashion-mnist)")
    Path data;

    @Option(names = "--threads", paramLabel = "N", description = "kernel threads (default: available processors)")
    Integer threads;

    @Option(names = "--debug", description = "show stack traces of internal errors")
    boolean debug;

    int threads() {
        return threads != null ? threads : dev.aebench.core.kernel.KernelFactory.defaultThreads();
    }
}
