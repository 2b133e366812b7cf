package dev.aebench.runner.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aebench results}: commands that read a sweep's output folder. */
@Command(name = "results", mixinStandardHelpOptions = true, description = "Read the results of aebench run.",
        subcommands = {SummaryCommand.class})
public final class ResultsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
