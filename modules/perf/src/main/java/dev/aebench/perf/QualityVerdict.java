package dev.aebench.perf;

/** The quality part of a family's verdict. */
public enum QualityVerdict {
    /** The final loss matches the baseline within the tolerance. */
    OK("ok"),
    /** The final loss moved: the numbers changed (initialisation, a kernel, a default). */
    CHANGED("CHANGED"),
    /** Repeats of the same seeded workload ended at different losses. */
    NONDETERMINISTIC("NONDETERMINISTIC");

    private final String label;

    QualityVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
