package dev.aebench.core.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one trial: what was trained, how fast, how well, and where it came from.
 * Serialised as one JSON line with the field names the README documents.
 */
public record TrialResult(String model, Map<String, String> params, long seed, int epochs, long paramCount,
                          int codeDim, double secPerEpoch, double firstEpochSec, double finalTrainLoss,
                          double testMse, double probeAcc, double probeSec, List<Double> lossCurve,
                          Map<String, Double> extra, Provenance provenance) {
    public TrialResult {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        lossCurve = List.copyOf(lossCurve);
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Ordered fields for the JSON line; non-finite numbers become null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("params", params);
        m.put("seed", seed);
        m.put("epochs", epochs);
        m.put("param_count", paramCount);
        m.put("code_dim", codeDim);
        m.put("sec_per_epoch", num(secPerEpoch));
        m.put("first_epoch_sec", num(firstEpochSec));
        m.put("final_train_loss", num(finalTrainLoss));
        m.put("test_mse", num(testMse));
        m.put("probe_acc", num(probeAcc));
        m.put("probe_sec", num(probeSec));
        for (Map.Entry<String, Double> e : extra.entrySet()) {
            m.put(e.getKey(), num(e.getValue()));
        }
        m.put("loss_curve", lossCurve);
        m.put("provenance", provenance.toMap());
        return m;
    }

    private static Object num(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
