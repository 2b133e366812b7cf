package dev.aebench.runner.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aebench perf}: the performance gate; check (against the baseline), compare (side by side with a base commit) and report (trends of a history). */
@Command(name = "perf", mixinStandardHelpOptions = true,
        description = "Performance regression gate (see docs/PERFORMANCE.md).",
        subcommands = {PerfCheckCommand.class, PerfCompareCommand.class, PerfReportCommand.class})
public final class PerfCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
