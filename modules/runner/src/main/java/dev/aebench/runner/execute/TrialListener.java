package dev.aebench.runner.execute;

/** Receives a running trial's output lines (epoch losses, probe accuracy), for progress displays. */
@FunctionalInterface
public interface TrialListener {
    void output(String line);
}
