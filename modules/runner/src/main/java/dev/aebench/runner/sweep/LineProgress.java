package dev.aebench.runner.sweep;

import dev.aebench.runner.execute.TrialOutcome;
import dev.aebench.runner.plan.PlannedTrial;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress as plain lines (for logs and pipes): one when a trial starts, one when it ends. */
final class LineProgress implements Progress {
    private final PrintWriter out;
    private final ProgressCounts counts = new ProgressCounts();

    LineProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void begin(int total, int recordedBefore, int toRun, int parallel) {
        counts.begin(total, recordedBefore, toRun);
        out.printf("%d trials: %d recorded earlier, %d to run, %d at a time%n", total, recordedBefore, toRun, parallel);
        out.flush();
    }

    @Override
    public synchronized void started(PlannedTrial trial) {
        out.printf("start  %s  %s%n", trial.id(), trial.describe());
        out.flush();
    }

    @Override
    public void output(PlannedTrial trial, String line) {
        // per-epoch lines go to logs/ID.log only
    }

    @Override
    public synchronized void finished(PlannedTrial trial, TrialOutcome outcome) {
        counts.finished();
        out.printf(Locale.ROOT, "[%d/%d] %s  %s  %s  (%.1fs, ETA %s)%n", counts.done(), counts.total(),
                outcome.status().json(), trial.describe(), ProgressCounts.metrics(outcome), outcome.seconds(),
                ProgressCounts.duration(counts.eta()));
        out.flush();
    }

    @Override
    public synchronized void end() {
        out.flush();
    }
}
