package dev.aebench.runner.execute;

import java.util.Locale;

/** How a trial ended, as written in the {@code status} field of its record. */
public enum TrialStatus {
    /** Trained and measured. */
    OK,
    /** An exception (or the trial's process died) before a result. */
    FAILED,
    /** Training produced a non-finite loss ({@link dev.aebench.core.train.DivergedException}). */
    DIVERGED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrialStatus fromJson(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
