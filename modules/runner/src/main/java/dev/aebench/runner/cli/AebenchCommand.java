package dev.aebench.runner.cli;

import picocli.CommandLine.Command;

/** The top-level {@code aebench} command; everything is a subcommand. */
@Command(name = "aebench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Trains, measures and compares autoencoders.",
        subcommands = {TrainCommand.class, RunCommand.class, ResultsCommand.class, ReportCommand.class, ModelsCommand.class, MetricsCommand.class, PerfCommand.class})
public final class AebenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
