package dev.aebench.runner.cli;

import dev.aebench.report.render.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code aebench report RESULTS_DIR [--out DIR]}: renders the comparison report of a results
 * folder (README.md, index.html, summary.csv, figures/) from its records alone.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render the comparison report of a results folder: README.md (Markdown, SVG figures), "
                + "index.html (self-contained), summary.csv and figures/ (SVG and PNG).",
                "Reads only the folder (plan.json, trials.jsonl, experiment.yaml, artifacts/); the same results give the same bytes."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "output folder of aebench run, e.g. results/quick")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "report folder (default: RESULTS_DIR/report)")
    Path out;

    @Option(names = "--debug", description = "show stack traces of internal errors")
    boolean debug;

    @Override
    public Integer call() {
        Path target = out != null ? out : Report.defaultOut(dir);
        Report.render(dir, target);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("report: " + target.resolve(Report.HTML) + "   (Markdown: " + target.resolve(Report.README) + ")");
        stdout.flush();
        return 0;
    }
}
