package dev.aebench.runner.sweep;

import dev.aebench.runner.execute.TrialOutcome;
import dev.aebench.runner.plan.PlannedTrial;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar redrawn in place on a terminal: done/total, elapsed time, ETA, the trial that
 * last reported (with its latest output line, such as the epoch loss) and the last finished
 * trial's metric. Finished trials are printed as lines above the bar. Redrawn at most ten times a
 * second, and every second by a ticker.
 */
final class TerminalProgress implements Progress {
    private static final int BAR = 20;
    private static final String CLEAR = "\r\033[K";

    private final PrintWriter out;
    private final int width;
    private final ProgressCounts counts = new ProgressCounts();
    private String current = "";
    private String last = "";
    private long lastDraw;
    private Thread ticker;

    TerminalProgress(PrintWriter out, int width) {
        this.out = out;
        this.width = width;
    }

    static int width() {
        try {
            int w = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120"));
            return Math.max(40, w);
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    @Override
    public synchronized void begin(int total, int recordedBefore, int toRun, int parallel) {
        counts.begin(total, recordedBefore, toRun);
        out.printf("%d trials: %d recorded earlier, %d to run, %d at a time%n", total, recordedBefore, toRun, parallel);
        draw(true);
        ticker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (this) {
                    draw(true);
                }
            }
        }, "progress-ticker");
        ticker.setDaemon(true);
        ticker.start();
    }

    @Override
    public synchronized void started(PlannedTrial trial) {
        current = trial.describe();
        draw(true);
    }

    @Override
    public synchronized void output(PlannedTrial trial, String line) {
        current = trial.describe() + ": " + line.trim();
        draw(false);
    }

    @Override
    public synchronized void finished(PlannedTrial trial, TrialOutcome outcome) {
        counts.finished();
        last = trial.describe() + " " + ProgressCounts.metrics(outcome);
        out.print(CLEAR);
        out.printf(Locale.ROOT, "%s  %s  %s  (%.1fs)%n", outcome.status().json(), trial.describe(),
                ProgressCounts.metrics(outcome), outcome.seconds());
        draw(true);
    }

    @Override
    public synchronized void end() {
        if (ticker != null) {
            ticker.interrupt();
        }
        out.print(CLEAR);
        out.flush();
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int total = Math.max(1, counts.total());
        int filled = (int) Math.round((double) BAR * counts.done() / total);
        String bar = "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
        String line = String.format(Locale.ROOT, "%s %d/%d  %s  ETA %s  | %s%s", bar, counts.done(), counts.total(),
                ProgressCounts.duration(counts.elapsed()), ProgressCounts.duration(counts.eta()), current,
                last.isEmpty() ? "" : "  | last: " + last);
        if (line.length() > width - 1) {
            line = line.substring(0, width - 2) + "…";
        }
        out.print(CLEAR + line);
        out.flush();
    }
}
