package dev.aebench.perf;

/**
 * One family's row of a gate's outcome, as the machine-readable outputs carry it.
 *
 * @param family      family name
 * @param baseRatio   median calibrated ratio (epoch time / calibration time) of the reference: the baseline, or the base commit
 * @param nowRatio    median calibrated ratio measured now (the working tree)
 * @param change      {@code nowRatio / baseRatio - 1}
 * @param interval    Hodges-Lehmann ratio now / reference with its confidence interval
 * @param pSlower     one-sided Mann-Whitney p-value of "slower now" (NaN when speed was not compared)
 * @param speed       speed verdict
 * @param baseLoss    final training loss of the reference
 * @param nowLoss     final training loss now
 * @param lossChange  relative change of the final loss
 * @param quality     quality verdict
 * @param baseSamples ratios on the reference side
 * @param nowSamples  ratios measured now
 * @param failure     why the family fails, empty when it passes
 */
public record FamilyOutcome(String family, double baseRatio, double nowRatio, double change, RatioInterval interval, double pSlower,
                            SpeedVerdict speed, double baseLoss, double nowLoss, double lossChange, QualityVerdict quality,
                            int baseSamples, int nowSamples, String failure) {

    /** The row of a comparison; {@code against} names the reference in the failure text ("the baseline", "the base"). */
    public static FamilyOutcome of(FamilyResult r, double[] reference, double confidence, String against) {
        SpeedComparison s = r.speed();
        QualityComparison q = r.quality();
        double[] now = r.sample().ratioArray();
        return new FamilyOutcome(r.family(), s.baselineMedian(), s.nowMedian(), s.change(), RatioInterval.of(reference, now, confidence),
                s.pSlower(), s.verdict(), q.baselineLoss(), q.nowLoss(), q.relativeChange(), q.verdict(), reference.length, now.length,
                r.failure(against));
    }

    public boolean failed() {
        return !failure.isEmpty();
    }
}
