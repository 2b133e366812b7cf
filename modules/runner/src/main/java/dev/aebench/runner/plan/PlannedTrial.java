package dev.aebench.runner.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.analysis.AnalysisOptions;
import dev.aebench.probe.ProbeSolver;
import dev.aebench.runner.trial.TrialSpec;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial of a plan: its id and configuration id, the block it belongs to (index and label)
 * with the block's varying hyperparameters as text ({@code sigma=0.3}), and what to run: model,
 * fully resolved hyperparameters, seed (and its position in the block's seed list), epochs,
 * probe, validation split, the analyses to run ({@code metrics}, as {@code --metrics} takes them)
 * the probe's solver and the fine-tuning epochs (0: none).
 */
public record PlannedTrial(String id, String configId, int block, String blockLabel, String varying, String model,
                           Map<String, String> params, long seed, int seedIndex, int epochs, boolean probe,
                           int validation, String metrics, ProbeSolver probeSolver, int finetune) {
    public PlannedTrial {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A trial that is not fine-tuned. */
    public PlannedTrial(String id, String configId, int block, String blockLabel, String varying, String model,
                        Map<String, String> params, long seed, int seedIndex, int epochs, boolean probe, int validation,
                        String metrics, ProbeSolver probeSolver) {
        this(id, configId, block, blockLabel, varying, model, params, seed, seedIndex, epochs, probe, validation, metrics,
                probeSolver, 0);
    }

    /** A trial whose probe uses the default solver. */
    public PlannedTrial(String id, String configId, int block, String blockLabel, String varying, String model,
                        Map<String, String> params, long seed, int seedIndex, int epochs, boolean probe, int validation,
                        String metrics) {
        this(id, configId, block, blockLabel, varying, model, params, seed, seedIndex, epochs, probe, validation, metrics,
                ProbeSolver.LBFGS);
    }

    /** A trial with the default analyses. */
    public PlannedTrial(String id, String configId, int block, String blockLabel, String varying, String model,
                        Map<String, String> params, long seed, int seedIndex, int epochs, boolean probe, int validation) {
        this(id, configId, block, blockLabel, varying, model, params, seed, seedIndex, epochs, probe, validation, "default");
    }

    /** The spec the trial runner takes, with {@code threads} kernel threads. */
    public TrialSpec spec(int threads) {
        return new TrialSpec(model, params, seed, epochs, threads, probe, validation,
                AnalysisOptions.of(metrics), probeSolver, finetune);
    }

    /** A short human description: label, varying values and seed. */
    public String describe() {
        return blockLabel + (varying.isEmpty() ? "" : " " + varying) + " seed=" + seed;
    }

    /** Fields for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("config_id", configId);
        m.put("block", block);
        m.put("block_label", blockLabel);
        m.put("varying", varying);
        m.put("model", model);
        m.put("params", params);
        m.put("seed", seed);
        m.put("seed_index", seedIndex);
        m.put("epochs", epochs);
        m.put("probe", probe);
        m.put("validation", validation);
        m.put("metrics", metrics);
        m.put("probe_solver", probeSolver.id());
        if (finetune > 0) {
            m.put("finetune", finetune);
        }
        return m;
    }

    public static PlannedTrial fromJson(JsonNode n) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.get("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        return new PlannedTrial(n.get("id").asText(), n.get("config_id").asText(), n.get("block").asInt(),
                n.get("block_label").asText(), n.get("varying").asText(), n.get("model").asText(), params,
                n.get("seed").asLong(), n.get("seed_index").asInt(), n.get("epochs").asInt(), n.get("probe").asBoolean(),
                n.get("validation").asInt(), n.has("metrics") ? n.get("metrics").asText() : "default",
                // a plan written before there was a choice of solver ran Tribuo's SGD
                n.has("probe_solver") ? ProbeSolver.parse("probe_solver", n.get("probe_solver").asText()) : ProbeSolver.SGD,
                n.has("finetune") ? n.get("finetune").asInt() : 0);
    }
}
