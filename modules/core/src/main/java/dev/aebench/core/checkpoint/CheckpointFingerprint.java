package dev.aebench.core.checkpoint;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a checkpoint is valid for: every field that decides the bits of a training run (model
 * and resolved hyperparameters, seed, epochs, validation split, data fingerprint, code commit,
 * kernels, the checkpoint format), as sorted name-value pairs. A
 * checkpoint whose fingerprint differs in any field is not resumed from.
 */
public record CheckpointFingerprint(Map<String, String> fields) {
    public CheckpointFingerprint {
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
        for (Map.Entry<String, String> e : fields.entrySet()) {
            Objects.requireNonNull(e.getValue(), "fingerprint field " + e.getKey());
        }
    }

    /**
     * The first field in which {@code found} (a checkpoint's) differs from this one, as
     * {@code "commit: expected X, found Y"}; null when they are equal.
     */
    public String differenceFrom(CheckpointFingerprint found) {
        TreeMap<String, String> names = new TreeMap<>(fields);
        found.fields.forEach(names::putIfAbsent);
        for (String name : names.keySet()) {
            String want = fields.get(name);
            String have = found.fields.get(name);
            if (!Objects.equals(want, have)) {
                return name + ": expected " + shown(want) + ", found " + shown(have);
            }
        }
        return null;
    }

    private static String shown(String v) {
        if (v == null) {
            return "none";
        }
        return v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }
}
