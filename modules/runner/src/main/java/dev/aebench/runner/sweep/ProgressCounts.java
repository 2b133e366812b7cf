package dev.aebench.runner.sweep;

import dev.aebench.runner.execute.TrialOutcome;
import dev.aebench.runner.execute.TrialStatus;

import java.util.Locale;

/**
 * Counts and timing shared by the progress displays: trials done (earlier runs included) out of
 * the total, and an ETA from the rate of trials finished in this run.
 */
final class ProgressCounts {
    private int total;
    private int done;
    private int finishedNow;
    private int toRun;
    private long startNanos;

    synchronized void begin(int total, int recordedBefore, int toRun) {
        this.total = total;
        this.done = recordedBefore;
        this.toRun = toRun;
        this.startNanos = System.nanoTime();
    }

    synchronized void finished() {
        done++;
        finishedNow++;
    }

    synchronized int done() {
        return done;
    }

    synchronized int total() {
        return total;
    }

    synchronized double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Seconds left at this run's rate, or NaN before the first trial finishes. */
    synchronized double eta() {
        if (finishedNow == 0) {
            return Double.NaN;
        }
        return elapsed() / finishedNow * (toRun - finishedNow);
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    /** The headline figures of an outcome, or its error. */
    static String metrics(TrialOutcome o) {
        if (o.status() != TrialStatus.OK) {
            return o.error();
        }
        StringBuilder sb = new StringBuilder();
        for (String m : new String[] {"val_mse", "test_mse", "probe_acc"}) {
            double v = o.metric(m);
            if (Double.isFinite(v)) {
                sb.append(sb.isEmpty() ? "" : "  ").append(m).append(' ').append(String.format(Locale.ROOT, "%.5f", v));
            }
        }
        return sb.toString();
    }
}
