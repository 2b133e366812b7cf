package dev.aebench.core.metric;

/** Which way a metric improves: summaries and reports mark the best value only for HIGHER or LOWER. */
public enum Better {
    HIGHER, LOWER, NEITHER;

    /** The lower-case word used in listings and JSON. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
