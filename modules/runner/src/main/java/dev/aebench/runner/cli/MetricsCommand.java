package dev.aebench.runner.cli;

import dev.aebench.core.metric.MetricCatalog;
import dev.aebench.core.metric.MetricDescription;
import dev.aebench.core.table.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

/** {@code aebench metrics}: every metric a trial can record, with its unit, better direction and meaning. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "List the metrics trials record: name, unit, which way is better, meaning.")
public final class MetricsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        TextTable t = TextTable.withHeader("metric", "unit", "better", "meaning").leftAlignedFirst(4);
        for (MetricDescription d : MetricCatalog.load().all()) {
            t.row(d.name(), d.unit(), d.better().word(), d.meaning());
        }
        out.print(t.render());
        out.println("Every numeric metric is summarised by `aebench results summary` as <name>_mean, <name>_sd, <name>_n;");
        out.println("a trial's `time` object (seconds by phase) as time_<phase>.");
        out.flush();
    }
}
