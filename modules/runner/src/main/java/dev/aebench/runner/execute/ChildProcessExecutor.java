package dev.aebench.runner.execute;

import dev.aebench.core.error.UserError;
import dev.aebench.runner.plan.PlannedTrial;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs each trial in its own JVM ({@link ChildMain}): same java binary and class path, the
 * Vector API module and this JVM's heap limit. The child's output goes to {@code logs/ID.log}
 * and to the listener; its outcome comes back through a file in {@code tmp/}. A child that dies
 * without leaving one is recorded as failed with its exit code and last output line, unless it
 * was stopped along with this process (see {@link #crashed}). Children
 * die with this process: they watch their stdin and this pid, and a shutdown hook kills them on
 * an orderly exit (Ctrl-C). A trial cut short that way throws {@link CancellationException}
 * instead of returning an outcome, so it is not recorded and runs again next time.
 */
public final class ChildProcessExecutor implements TrialExecutor {
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules";
    private static final int SIGNAL_BASE = 128;
    private static final int SIGHUP = 1;
    private static final int SIGINT = 2;
    private static final int SIGKILL = 9;
    private static final int SIGTERM = 15;
    private static final long SIGNAL_GRACE_MILLIS = 500;

    private final Path data;
    private final int threads;
    private final Path tmpDir;
    private final Path artifacts;
    private final Path logDir;
    private final Path attempts;
    private final SweepCheckpoints checkpoints;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private final Thread killer = new Thread(this::killAll, "kill-trial-processes");

    public ChildProcessExecutor(Path data, int threads, Path tmpDir, Path logDir, Path attempts, Path artifacts) {
        this(data, threads, tmpDir, logDir, attempts, artifacts, null);
    }

    /** @param checkpoints the trials' checkpointing, or null for none */
    public ChildProcessExecutor(Path data, int threads, Path tmpDir, Path logDir, Path attempts, Path artifacts,
                                SweepCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.artifacts = artifacts;
        this.data = data;
        this.threads = threads;
        this.tmpDir = tmpDir;
        this.logDir = logDir;
        this.attempts = attempts;
        Runtime.getRuntime().addShutdownHook(killer);
    }

    @Override
    public TrialOutcome execute(PlannedTrial trial, TrialListener listener) {
        long t0 = System.nanoTime();
        Path result = tmpDir.resolve(trial.id() + "-" + UUID.randomUUID().toString().substring(0, 8) + ".json");
        ChildRequest request = new ChildRequest(trial, threads, data, result, attempts, artifacts, ProcessHandle.current().pid(),
                checkpoints);
        ProcessBuilder pb = new ProcessBuilder(JvmCommand.child(ChildMain.class, List.of("--request", request.toJson())));
        pb.redirectErrorStream(true);
        Process p = null;
        String last = null;
        try {
            if (stopping) {
                throw new CancellationException("stopping: " + trial.id() + " not started");
            }
            p = pb.start();
            live.add(p);
            if (stopping) { // killAll ran between the check and live.add
                p.destroyForcibly();
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 Writer log = Files.newBufferedWriter(logDir.resolve(trial.id() + ".log"), StandardCharsets.UTF_8,
                         StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                log.write("=== " + Instant.now() + " " + trial.describe() + " (pid " + p.pid() + ")\n");
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith(INCUBATOR_WARNING)) {
                        continue;
                    }
                    log.write(line + "\n");
                    log.flush();
                    if (!line.isBlank()) {
                        last = line;
                        listener.output(line);
                    }
                }
            }
            int code = p.waitFor();
            if (Files.isRegularFile(result)) {
                TrialOutcome outcome = TrialOutcome.fromJson(Files.readString(result, StandardCharsets.UTF_8));
                Files.deleteIfExists(result);
                // the wall time of the whole trial process: JVM start and data loading included
                return new TrialOutcome(outcome.status(), outcome.result(), outcome.error(), seconds(t0));
            }
            return crashed(trial, code, last, seconds(t0));
        } catch (IOException e) {
            // not the trial's fault (no fork, no disk): stop the sweep instead of recording a failure
            throw new UserError("cannot run the process of trial " + trial.id() + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while " + trial.id() + " ran");
        } finally {
            if (p != null) {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
                live.remove(p);
            }
        }
    }

    /**
     * A child that left no result. Killed by a signal, it may have died with this process (a
     * group kill, Ctrl-C): wait a moment to see whether this process is stopping too, and if so,
     * or if the signal was an interrupt, hang-up or terminate request, the trial is cancelled, not
     * failed. SIGKILL alone (the OOM killer) and crashes are failures.
     */
    private TrialOutcome crashed(PlannedTrial trial, int code, String last, double seconds) throws InterruptedException {
        if (code > SIGNAL_BASE) {
            Thread.sleep(SIGNAL_GRACE_MILLIS);
        }
        int signal = code - SIGNAL_BASE;
        if (stopping || signal == SIGHUP || signal == SIGINT || signal == SIGTERM) {
            throw new CancellationException("the process of trial " + trial.id() + " was stopped"
                    + (code > SIGNAL_BASE ? " by signal " + signal : ""));
        }
        String how = code > SIGNAL_BASE ? "was killed by signal " + signal + (signal == SIGKILL ? " (out of memory?)" : "")
                : "exited with code " + code;
        return TrialOutcome.failed(TrialStatus.FAILED, "trial process " + how + " before its result"
                + (last != null ? "; last output: " + last : ""), seconds);
    }

    private void killAll() {
        stopping = true;
        for (Process p : live) {
            p.destroyForcibly();
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // shutting down (the hook runs anyway), or closed before
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
