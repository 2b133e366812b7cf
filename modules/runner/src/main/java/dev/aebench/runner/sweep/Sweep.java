package dev.aebench.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.runner.execute.TrialExecutor;
import dev.aebench.runner.execute.TrialOutcome;
import dev.aebench.runner.plan.Plan;
import dev.aebench.runner.plan.PlannedTrial;
import dev.aebench.runner.store.ResultStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the trials of a plan that the store has not recorded yet, {@code parallel} at a time, in
 * the plan's execution order, and records each outcome as soon as it arrives, so that a sweep
 * killed at any moment loses only the trials then running. A failed or diverged trial is an
 * outcome like any other; the sweep goes on. Anything else (the store cannot write, a trial
 * process stopped by a signal) stops the sweep at once: running trials are killed, not recorded.
 */
public final class Sweep {
    private final Plan plan;
    private final ResultStore store;
    private final TrialExecutor executor;
    private final int parallel;
    private final Progress progress;

    public Sweep(Plan plan, ResultStore store, TrialExecutor executor, int parallel, Progress progress) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be >= 1: " + parallel);
        }
        this.plan = plan;
        this.store = store;
        this.executor = executor;
        this.parallel = parallel;
        this.progress = progress;
    }

    public SweepReport run() {
        Map<String, JsonNode> before = store.recorded();
        List<PlannedTrial> todo = plan.executionOrder().stream().filter(t -> !before.containsKey(t.id())).toList();
        int recordedBefore = plan.size() - todo.size();
        progress.begin(plan.size(), recordedBefore, todo.size(), parallel);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CompletionService<Void> done = new ExecutorCompletionService<>(pool);
        for (PlannedTrial trial : todo) {
            done.submit(() -> {
                progress.started(trial);
                TrialOutcome outcome = executor.execute(trial, line -> progress.output(trial, line));
                store.record(RecordLine.of(plan, trial, outcome));
                progress.finished(trial, outcome);
                return null;
            });
        }
        pool.shutdown();
        try {
            for (int i = 0; i < todo.size(); i++) {
                done.take().get(); // in order of completion, so the first problem stops the sweep at once
            }
        } catch (ExecutionException e) {
            stop(pool);
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            stop(pool);
            Thread.currentThread().interrupt();
            throw new CancellationException("sweep interrupted");
        }
        progress.end();
        return report(todo.size(), recordedBefore);
    }

    private void stop(ExecutorService pool) {
        executor.close();
        pool.shutdownNow();
        progress.end();
    }

    private SweepReport report(int ranNow, int recordedBefore) {
        Map<String, JsonNode> after = store.recorded();
        int ok = 0;
        int failed = 0;
        int diverged = 0;
        List<String> failures = new ArrayList<>();
        for (PlannedTrial t : plan.trials()) {
            JsonNode r = after.get(t.id());
            if (r == null) {
                continue;
            }
            String status = r.path("status").asText();
            switch (status) {
                case "ok" -> ok++;
                case "diverged" -> diverged++;
                default -> failed++;
            }
            if (!status.equals("ok")) {
                failures.add(status + "  " + t.id() + "  " + t.describe() + ": " + r.path("error").asText());
            }
        }
        return new SweepReport(plan.size(), ranNow, recordedBefore, ok, failed, diverged, failures);
    }
}
