package dev.aebench.runner.cli;

import dev.aebench.core.error.UserError;
import dev.aebench.runner.plan.Plan;
import dev.aebench.runner.store.PlanFile;
import dev.aebench.runner.store.ResultStore;
import dev.aebench.runner.summary.Summary;
import dev.aebench.runner.summary.SummaryReport;
import dev.aebench.runner.summary.Summarizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code aebench results summary DIR}: mean ± sd over seeds per configuration, the validation choice per block. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Summarise a sweep: per configuration, mean ± sd over seeds of val_mse, val_probe_acc, test_mse, "
                + "probe_acc and s/epoch; '*' marks each block's configuration selected on the validation split.")
public final class SummaryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "output folder of aebench run, e.g. results/quick")
    Path dir;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the table as CSV to FILE")
    Path csv;

    @Option(names = "--debug", description = "show stack traces of internal errors")
    boolean debug;

    @Override
    public void run() {
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": no such results folder");
        }
        Plan plan = PlanFile.read(dir).orElseThrow(() -> new UserError(dir + ": expected the output folder of aebench run, "
                + "found no " + PlanFile.NAME));
        Summary summary = Summarizer.summarize(plan, ResultStore.readRecorded(dir));
        PrintWriter out = spec.commandLine().getOut();
        out.print(SummaryReport.text(summary));
        if (csv != null) {
            SummaryReport.writeCsv(summary, csv);
            out.println("wrote " + csv);
        }
        out.flush();
    }
}
