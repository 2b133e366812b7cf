package dev.aebench.runner.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aebench perf}: the performance gate; its only subcommand is {@code check}. */
@Command(name = "perf", mixinStandardHelpOptions = true,
        description = "Performance regression gate (see docs/PERFORMANCE.md).",
        subcommands = {PerfCheckCommand.class})
public final class PerfCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
