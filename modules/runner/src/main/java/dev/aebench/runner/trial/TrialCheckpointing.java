package dev.aebench.runner.trial;

import dev.aebench.core.checkpoint.CheckpointCodec;
import dev.aebench.core.checkpoint.CheckpointFingerprint;
import dev.aebench.core.checkpoint.TrialCheckpoints;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.result.Provenance;
import dev.aebench.core.train.FitReport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What ties a trial's checkpoint to the trial, and what its record says about it. The
 * fingerprint holds everything that decides the training bits: model and resolved
 * hyperparameters, seed, epochs, validation split, data fingerprint, commit, kernels, and the
 * format version (not the thread count: the kernels give the same bits for any); a checkpoint that differs in any of them is not resumed from.
 * (A working tree changed without a commit keeps its commit: do not resume across such edits.)
 */
public final class TrialCheckpointing {
    private TrialCheckpointing() {
    }

    /**
     * The checkpoint file of a single trial ({@code aebench train --checkpoint DIR}):
     * {@code MODEL-HASH.ckpt}, the hash of the model, resolved hyperparameters, seed, epochs and
     * validation split, so that trials of different configurations can share a folder.
     */
    public static Path singleTrialFile(Path dir, TrialSpec spec, ModelConfig config) {
        StringBuilder key = new StringBuilder(spec.model());
        new TreeMap<>(config.values()).forEach((k, v) -> key.append('\n').append(k).append('=').append(v));
        key.append("\nseed=").append(spec.seed()).append("\nepochs=").append(spec.epochs())
                .append("\nvalidation=").append(spec.validation());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return dir.resolve(spec.model() + "-" + HexFormat.of().formatHex(hash, 0, 6) + ".ckpt");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static CheckpointFingerprint fingerprint(TrialSpec spec, ModelConfig config, String data, Provenance provenance) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("format", Integer.toString(CheckpointCodec.VERSION));
        f.put("model", spec.model());
        config.values().forEach((k, v) -> f.put("param." + k, v));
        f.put("seed", Long.toString(spec.seed()));
        f.put("epochs", Integer.toString(spec.epochs()));
        f.put("validation", Integer.toString(spec.validation()));
        f.put("data", data);
        f.put("commit", provenance.commit());
        f.put("kernels", provenance.kernels());
        return new CheckpointFingerprint(f);
    }

    /** The record's {@code checkpoint} object: attempts, the epoch resumed from, this attempt's writes, their size and their time (beside training). */
    static Map<String, Object> fields(FitReport fit, TrialCheckpoints checkpoints) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attempts", fit.attempts());
        m.put("resumed_from_epoch", fit.resumedFromEpoch());
        m.put("writes", checkpoints.writes());
        m.put("bytes", checkpoints.lastBytes());
        m.put("write_sec", Math.round(checkpoints.writeSeconds() * 1e4) / 1e4);
        return m;
    }
}
