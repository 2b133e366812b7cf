package dev.aebench.perf;

/** The speed part of a family's verdict. */
public enum SpeedVerdict {
    /** Within the threshold, or not significantly different. */
    OK("ok"),
    /** Significantly faster by more than the threshold: worth refreshing the baseline. */
    FASTER("faster"),
    /** Significantly slower by more than the threshold: the gate fails. */
    SLOWER("SLOWER"),
    /** Not compared: the baseline comes from a machine with another vector width. */
    NOT_COMPARED("n/a");

    private final String label;

    SpeedVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
