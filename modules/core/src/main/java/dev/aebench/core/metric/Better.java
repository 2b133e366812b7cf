package dev.aebench.core.metric;

/** Which direction of a metric is better. */
public enum Better {
    HIGHER, LOWER, NEITHER
}
