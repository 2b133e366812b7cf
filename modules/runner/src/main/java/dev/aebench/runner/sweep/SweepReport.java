package dev.aebench.runner.sweep;

import java.util.List;

/**
 * The state of a plan after a sweep: how many of its trials there are, how many ran now, and how
 * many of all recorded ones are ok, failed or diverged (earlier runs included), with the
 * failures' descriptions.
 */
public record SweepReport(int total, int ranNow, int recordedBefore, int ok, int failed, int diverged,
                          List<String> failures) {
    public SweepReport {
        failures = List.copyOf(failures);
    }

    public boolean allOk() {
        return failed == 0 && diverged == 0;
    }

    public int missing() {
        return total - ok - failed - diverged;
    }
}
