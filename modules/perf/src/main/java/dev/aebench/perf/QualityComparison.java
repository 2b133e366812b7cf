package dev.aebench.perf;

/**
 * The quality comparison of one family: its final training loss after the fixed, seeded workload
 * against the baseline's. The kernels give the same bits for the same seed, so the loss is
 * normally identical; the relative tolerance only absorbs a change of JDK or CPU rounding, and any
 * real change of the numbers (a different initialisation, a kernel bug, a changed default) shows.
 *
 * @param baselineLoss   final loss in the baseline
 * @param nowLoss        final loss now (first repeat)
 * @param relativeChange {@code |now - baseline| / |baseline|}
 * @param verdict        the outcome
 */
public record QualityComparison(double baselineLoss, double nowLoss, double relativeChange, QualityVerdict verdict) {

    public static QualityComparison compare(double baselineLoss, FamilySample now, double tolerance) {
        double cur = now.finalLoss();
        double rel = Math.abs(cur - baselineLoss) / Math.max(Math.abs(baselineLoss), Double.MIN_NORMAL);
        if (baselineLoss == cur) {
            rel = 0;
        }
        QualityVerdict v;
        if (!now.deterministic()) {
            v = QualityVerdict.NONDETERMINISTIC;
        } else if (!(rel <= tolerance)) {
            v = QualityVerdict.CHANGED;
        } else {
            v = QualityVerdict.OK;
        }
        return new QualityComparison(baselineLoss, cur, rel, v);
    }

    public boolean failed() {
        return verdict != QualityVerdict.OK;
    }
}
