package dev.aebench.runner.trial;

import dev.aebench.core.metric.Metrics;

import java.lang.management.ManagementFactory;

/**
 * Where a trial's wall time goes: each {@link #lap} records the seconds since the previous one
 * under a phase name ({@code warmup_wait_sec}, {@code train_sec}, {@code eval_sec},
 * {@code encode_sec}, {@code probe_sec}, ...), written as the result's {@code time} object.
 */
final class PhaseClock {
    private final Metrics phases = new Metrics();
    private long last = System.nanoTime();

    /** Seconds since this JVM started (JVM start, class loading and reading the data, for a trial's own JVM). */
    static double sinceJvmStart() {
        long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        return Math.max(0, System.currentTimeMillis() - startMillis) / 1e3;
    }

    /** Records the seconds since the last lap (or since this clock was made) as {@code phase}; returns them. */
    double lap(String phase) {
        long now = System.nanoTime();
        double s = (now - last) / 1e9;
        last = now;
        phases.put(phase, phases.number(phase) > 0 ? phases.number(phase) + s : s);
        return s;
    }

    /** Records a duration measured elsewhere. */
    void record(String phase, double seconds) {
        phases.put(phase, seconds);
    }

    /** Moves {@code seconds} of {@code from} (recorded earlier) to a phase of their own, {@code to}. */
    void split(String from, String to, double seconds) {
        phases.put(from, phases.number(from) - seconds);
        phases.put(to, seconds);
    }

    Metrics phases() {
        return phases;
    }
}
