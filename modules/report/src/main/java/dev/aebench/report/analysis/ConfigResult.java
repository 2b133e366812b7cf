package dev.aebench.report.analysis;

import dev.aebench.report.results.TrialRecord;
import dev.aebench.report.stats.Sample;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One configuration of a block: its planned seeds, its ok records in seed order, the trial counts
 * per status, each numeric metric's {@link Sample} over the ok trials and each curve metric's
 * values per ok trial.
 *
 * @param varying the block's varying hyperparameters as the plan writes them ({@code sigma=0.3}), or ""
 */
public record ConfigResult(int block, String blockLabel, String model, String configId, String varying,
                           Map<String, String> params, List<Long> seeds, List<TrialRecord> ok, int failed, int diverged,
                           int pending, List<String> errors, Map<String, Sample> metrics,
                           Map<String, List<List<Double>>> curves) {
    public ConfigResult {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        seeds = List.copyOf(seeds);
        ok = List.copyOf(ok);
        errors = List.copyOf(errors);
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        curves = Collections.unmodifiableMap(new TreeMap<>(curves));
    }

    public Sample metric(String name) {
        return metrics.getOrDefault(name, Sample.EMPTY);
    }

    public int planned() {
        return seeds.size();
    }

    /** Label with the varying values: {@code cae lambda=1e-4}. */
    public String describe() {
        return varying.isEmpty() ? blockLabel : blockLabel + " " + varying;
    }
}
