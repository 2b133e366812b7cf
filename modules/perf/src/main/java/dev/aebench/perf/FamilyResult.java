package dev.aebench.perf;

/** One row of the gate: a family's speed and quality comparisons and the sample behind them. */
public record FamilyResult(String family, FamilySample sample, SpeedComparison speed, QualityComparison quality) {
    public boolean failed() {
        return speed.regression() || quality.failed();
    }

    /** Why this family fails, in a few words; empty when it passes. */
    public String failure() {
        return failure("the baseline");
    }

    /** Why this family fails, compared with {@code against} ("the baseline", "the base"); empty when it passes. */
    public String failure(String against) {
        StringBuilder s = new StringBuilder();
        if (speed.regression()) {
            s.append(String.format(java.util.Locale.ROOT, "%s is %.1f%% slower than %s (p = %.2g)",
                    family, 100 * speed.change(), against, speed.pSlower()));
        }
        if (quality.verdict() == QualityVerdict.CHANGED) {
            s.append(s.isEmpty() ? "" : "; ").append(String.format(java.util.Locale.ROOT,
                    "%s final loss changed: %.9g, %s %.9g (relative %.2g)", family, quality.nowLoss(),
                    against.replaceFirst("^the ", ""), quality.baselineLoss(), quality.relativeChange()));
        } else if (quality.verdict() == QualityVerdict.NONDETERMINISTIC) {
            s.append(s.isEmpty() ? "" : "; ").append(family).append(" ended at different losses in repeats of the same seeded workload");
        }
        return s.toString();
    }
}
