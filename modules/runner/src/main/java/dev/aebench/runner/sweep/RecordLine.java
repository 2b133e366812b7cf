package dev.aebench.runner.sweep;

import dev.aebench.runner.execute.TrialOutcome;
import dev.aebench.runner.plan.Plan;
import dev.aebench.runner.plan.PlannedTrial;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code trials.jsonl} line of a finished trial: {@code trial_id}, {@code status}, the
 * experiment, block label and configuration id, then the result's fields
 * ({@link dev.aebench.core.result.TrialResult#toMap()}, with {@code val_mse} and
 * {@code loss_curve}) or, for a failed trial, its model, params, seed, epochs and {@code error};
 * then {@code validation}, {@code probe} and the trial's {@code wall_sec}.
 */
public final class RecordLine {
    private RecordLine() {
    }

    public static Map<String, Object> of(Plan plan, PlannedTrial trial, TrialOutcome outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial_id", trial.id());
        m.put("status", outcome.status().json());
        m.put("experiment", plan.experiment());
        m.put("block", trial.blockLabel());
        m.put("config_id", trial.configId());
        if (outcome.result() != null) {
            m.putAll(outcome.result());
        } else {
            m.put("model", trial.model());
            m.put("params", trial.params());
            m.put("seed", trial.seed());
            m.put("epochs", trial.epochs());
        }
        if (outcome.error() != null) {
            m.put("error", outcome.error());
        }
        m.put("validation", trial.validation());
        m.put("probe", trial.probe());
        m.put("wall_sec", Math.round(outcome.seconds() * 1000) / 1000.0);
        return m;
    }
}
