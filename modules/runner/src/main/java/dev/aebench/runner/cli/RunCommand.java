package dev.aebench.runner.cli;

import dev.aebench.core.data.DataLocator;
import dev.aebench.core.error.UserError;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.runner.execute.ExecutorOptions;
import dev.aebench.runner.execute.InProcessExecutor;
import dev.aebench.runner.execute.SweepCheckpoints;
import dev.aebench.runner.execute.TrialExecutor;
import dev.aebench.runner.execute.TrialExecutors;
import dev.aebench.runner.experiment.Experiment;
import dev.aebench.runner.experiment.ExperimentReader;
import dev.aebench.runner.plan.DataSource;
import dev.aebench.runner.plan.Plan;
import dev.aebench.runner.plan.PlannedTrial;
import dev.aebench.runner.plan.Planner;
import dev.aebench.report.render.Report;
import dev.aebench.runner.store.PlanFile;
import dev.aebench.runner.store.ResultStore;
import dev.aebench.runner.summary.SummaryReport;
import dev.aebench.runner.summary.Summarizer;
import dev.aebench.runner.sweep.Progress;
import dev.aebench.runner.sweep.Sweep;
import dev.aebench.runner.sweep.SweepReport;
import dev.aebench.runner.trial.TrialRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

/**
 * {@code aebench run EXPERIMENT}: checks the experiment file against the model registry, expands
 * it into trials with stable ids, and runs the ones not yet recorded in the output folder, each
 * in its own JVM, recording each result as one line of {@code OUT/trials.jsonl}. Exit code 0 when
 * every trial of the plan is ok, 1 when some failed or diverged, 2 for a bad file (nothing written).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an experiment file: a sweep over models, hyperparameters and seeds.",
                "Trials already recorded in the output folder are skipped, so rerunning resumes a killed sweep."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "experiment file (YAML), e.g. experiments/quick.yaml")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/<experiment name>)")
    Path out;

    @Option(names = "--parallel", defaultValue = "1", paramLabel = "N",
            description = "trials run at once, each with cores/N kernel threads unless the file sets threads (default: ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--dry-run", description = "print the plan and the number of trials; run nothing, write nothing")
    boolean dryRun;

    @Option(names = "--data", paramLabel = "DIR",
            description = "data folder or synthetic:NAME[:SEED], overriding the file's data (default: the file's, then $AEBENCH_DATA, then /usr/share/datasets/fashion-mnist)")
    Path data;

    @Option(names = "--executor", defaultValue = ExecutorOptions.LOCAL, paramLabel = "NAME",
            description = "where trials run: local (a JVM per trial, the default) or spark (one Spark task per trial; a build with -Pspark)")
    String executorName;

    @Option(names = "--master", paramLabel = "URL",
            description = "with --executor spark: local[N] or spark://HOST:PORT (default: spark.master as spark-submit sets it, else local[*])")
    String master;

    @Option(names = "--ship-data", description = "with --executor spark: send the data folder with the job instead of reading it at the same path on every executor")
    boolean shipData;

    @Option(names = "--in-process", hidden = true, description = "run trials in this JVM (debugging)")
    boolean inProcess;

    @Option(names = "--no-report", description = "do not render the report (OUT/report) at the end")
    boolean noReport;

    @Option(names = "--checkpoint-interval", defaultValue = "1", paramLabel = "SECONDS",
            description = "trials checkpoint at the first and last epoch of each attempt and at any epoch end at least "
                    + "SECONDS after the last checkpoint, in OUT/checkpoints; a restarted trial continues from it (default: ${DEFAULT-VALUE})")
    double checkpointInterval;

    @Option(names = "--no-checkpoints", description = "trials write no checkpoints (a restarted trial starts from epoch 0)")
    boolean noCheckpoints;

    @Option(names = "--debug", description = "show stack traces of internal errors")
    boolean debug;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (parallel < 1) {
            throw new UserError("--parallel: expected an integer >= 1, found " + parallel);
        }
        if (!(checkpointInterval >= 0) || Double.isInfinite(checkpointInterval)) {
            throw new UserError("--checkpoint-interval: expected a number of seconds >= 0, found " + checkpointInterval);
        }
        Experiment experiment = ExperimentReader.read(file);
        Path dataDir = data != null ? DataLocator.resolve(data)
                : experiment.data() != null ? experiment.data() : DataLocator.resolve(null);
        Plan plan = new Planner(ModelRegistry.load()).plan(experiment, DataSource.inspect(dataDir));
        Path outDir = out != null ? out : Path.of("results", experiment.name());
        int threads = experiment.defaults().threads() != null ? experiment.defaults().threads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / parallel);
        if (dryRun) {
            printPlan(stdout, experiment, plan, outDir, threads);
            return 0;
        }
        TrialExecutors.check(executorName, master, shipData);
        try (ResultStore store = ResultStore.open(outDir)) {
            store.saveExperiment(experiment.source());
            PlanFile.write(outDir, plan);
            SweepReport report;
            SweepCheckpoints checkpoints = noCheckpoints ? null : new SweepCheckpoints(store.checkpointsDir(), checkpointInterval);
            try (TrialExecutor executor = inProcess
                    ? new InProcessExecutor(new TrialRunner(ModelRegistry.load()), dataDir, threads, store.attemptsLog(), store.artifactsDir(),
                            checkpoints)
                    : TrialExecutors.open(new ExecutorOptions(executorName, master, shipData, dataDir, threads, parallel,
                            experiment.name(), store.tmpDir(), store.logDir(), store.attemptsLog(), store.artifactsDir(),
                            checkpoints))) {
                report = new Sweep(plan, store, executor, parallel, Progress.to(stdout, Progress.stdoutIsTerminal())).run();
            } catch (CancellationException e) {
                stdout.flush();
                spec.commandLine().getErr().println("aebench: stopped (" + Main.oneLine(e.getMessage())
                        + "); finished trials are recorded, rerun the same command to run the rest");
                return 1;
            }
            stdout.printf("%n%d trials: %d ok, %d failed, %d diverged (%d ran now, %d recorded earlier)%n", report.total(),
                    report.ok(), report.failed(), report.diverged(), report.ranNow(), report.recordedBefore());
            for (String f : report.failures()) {
                stdout.println("  " + f);
            }
            stdout.println();
            stdout.print(SummaryReport.text(Summarizer.summarize(plan, store.recorded())));
            stdout.printf("%nresults: %s   (again: aebench results summary %s)%n", outDir.resolve(ResultStore.TRIALS), outDir);
            if (!noReport && !store.recorded().isEmpty()) {
                Path reportDir = Report.defaultOut(outDir);
                Report.render(outDir, reportDir);
                stdout.printf("report: %s   (again: aebench report %s)%n", reportDir.resolve(Report.HTML), outDir);
            }
            stdout.flush();
            return report.allOk() && report.missing() == 0 ? 0 : 1;
        }
    }

    private static void printPlan(PrintWriter out, Experiment e, Plan plan, Path outDir, int threads) {
        Map<String, ?> recorded = ResultStore.readRecorded(outDir);
        out.printf("experiment %s (%s): data %s (%s), validation %d, %d threads per trial%n", e.name(), e.file(),
                plan.data().dir(), plan.data().fingerprint(), plan.validation(), threads);
        int labelWidth = plan.trials().stream().mapToInt(t -> t.blockLabel().length()).max().orElse(0);
        int configWidth = plan.trials().stream().mapToInt(t -> Math.max(1, t.varying().length())).max().orElse(1);
        int done = 0;
        for (PlannedTrial t : plan.trials()) {
            boolean isDone = recorded.containsKey(t.id());
            done += isDone ? 1 : 0;
            out.printf("  %s  %-" + labelWidth + "s  %-" + configWidth + "s  seed=%-3d epochs=%-3d %s%s%n", t.id(),
                    t.blockLabel(), t.varying().isEmpty() ? "-" : t.varying(), t.seed(), t.epochs(),
                    t.probe() ? "probe" : "no-probe", isDone ? "  (recorded)" : "");
        }
        if (done > 0) {
            out.printf("%d of them already recorded in %s%n", done, outDir);
        }
        out.printf("%d trials%n", plan.size());
        out.flush();
    }
}
