package dev.aebench.runner.plan;

import dev.aebench.core.result.JsonLines;
import dev.aebench.probe.ProbeSolver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stable names for trials and configurations: SHA-256 of a canonical JSON text (sorted keys) of
 * everything that determines the result. A trial id covers the model, its fully resolved
 * hyperparameters, epochs, probe (and, with the probe, its solver unless that is {@code sgd}, the
 * only solver there was when the first ids were recorded), validation split, fine-tuning epochs
 * (when there are any: the ids of trials that are not fine-tuned are those recorded before
 * fine-tuning existed), data fingerprint and seed; a configuration id
 * is the same without the seed, so the seeds of one configuration share it. Labels, block order
 * and thread counts are not part of either.
 */
public final class TrialIds {
    private TrialIds() {
    }

    /** With the default probe solver. */
    public static String configId(String model, Map<String, String> params, int epochs, boolean probe, int validation,
                                  String data) {
        return configId(model, params, epochs, probe, ProbeSolver.LBFGS, validation, data);
    }

    public static String configId(String model, Map<String, String> params, int epochs, boolean probe,
                                  ProbeSolver solver, int validation, String data) {
        return configId(model, params, epochs, probe, solver, validation, 0, data);
    }

    /** With {@code finetune} fine-tuning epochs (0: none). */
    public static String configId(String model, Map<String, String> params, int epochs, boolean probe,
                                  ProbeSolver solver, int validation, int finetune, String data) {
        return hash(canonical(model, params, epochs, probe, solver, validation, finetune, data, null), 12);
    }

    /** With the default probe solver. */
    public static String trialId(String model, Map<String, String> params, int epochs, boolean probe, int validation,
                                 String data, long seed) {
        return trialId(model, params, epochs, probe, ProbeSolver.LBFGS, validation, data, seed);
    }

    public static String trialId(String model, Map<String, String> params, int epochs, boolean probe,
                                 ProbeSolver solver, int validation, String data, long seed) {
        return trialId(model, params, epochs, probe, solver, validation, 0, data, seed);
    }

    /** With {@code finetune} fine-tuning epochs (0: none). */
    public static String trialId(String model, Map<String, String> params, int epochs, boolean probe,
                                 ProbeSolver solver, int validation, int finetune, String data, long seed) {
        return hash(canonical(model, params, epochs, probe, solver, validation, finetune, data, seed), 16);
    }

    static String canonical(String model, Map<String, String> params, int epochs, boolean probe, ProbeSolver solver,
                            int validation, String data, Long seed) {
        return canonical(model, params, epochs, probe, solver, validation, 0, data, seed);
    }

    static String canonical(String model, Map<String, String> params, int epochs, boolean probe, ProbeSolver solver,
                            int validation, int finetune, String data, Long seed) {
        Map<String, Object> m = new TreeMap<>();
        m.put("model", model);
        m.put("params", new TreeMap<>(params));
        m.put("epochs", epochs);
        m.put("probe", probe);
        if (probe && solver != ProbeSolver.SGD) { // SGD ids stay those recorded before the solver was a choice
            m.put("probe_solver", solver.id());
        }
        m.put("validation", validation);
        if (finetune > 0) {
            m.put("finetune", finetune);
        }
        m.put("data", data);
        if (seed != null) {
            m.put("seed", seed);
        }
        return JsonLines.toLine(m);
    }

    private static String hash(String text, int hexChars) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, hexChars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
