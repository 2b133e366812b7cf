package dev.aebench.runner.sweep;

import dev.aebench.runner.execute.TrialOutcome;
import dev.aebench.runner.plan.PlannedTrial;

import java.io.PrintWriter;

/** What a sweep reports while it runs. Implementations are called from several threads. */
public interface Progress {
    void begin(int total, int recordedBefore, int toRun, int parallel);

    void started(PlannedTrial trial);

    void output(PlannedTrial trial, String line);

    void finished(PlannedTrial trial, TrialOutcome outcome);

    void end();

    /** A redrawn bar when {@code terminal}, plain lines otherwise. */
    static Progress to(PrintWriter out, boolean terminal) {
        return terminal ? new TerminalProgress(out, TerminalProgress.width()) : new LineProgress(out);
    }

    /** Whether standard output is an interactive terminal (Console.isTerminal on JDK 22+). */
    static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only for a terminal
        }
    }
}
