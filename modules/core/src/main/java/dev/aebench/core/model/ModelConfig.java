package dev.aebench.core.model;

import dev.aebench.core.error.UserError;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A family's fully resolved hyperparameters: every declared name with a validated, canonical
 * value (the user's or the default), in declaration order. Immutable.
 */
public record ModelConfig(String family, Map<String, String> values) {
    public ModelConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Resolves user settings against a family's schema. Unknown names and malformed values are
     * {@link UserError}s naming the key, what was expected and what was found.
     */
    public static ModelConfig resolve(ModelFamily family, Map<String, String> settings) {
        List<HyperParameter> schema = family.hyperParameters();
        Map<String, HyperParameter> byName = new LinkedHashMap<>();
        for (HyperParameter h : schema) {
            byName.put(h.name(), h);
        }
        for (String key : settings.keySet()) {
            if (!byName.containsKey(key)) {
                String near = Names.closest(key, byName.keySet());
                throw new UserError("unknown hyperparameter '" + key + "' for model " + family.name()
                        + (near != null ? " (did you mean '" + near + "'?)" : "")
                        + "; it takes: " + String.join(", ", byName.keySet()));
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (HyperParameter h : schema) {
            String raw = settings.getOrDefault(h.name(), h.defaultValue());
            String v = h.normalize(raw);
            if (v.startsWith("!")) {
                throw new UserError("hyperparameter " + h.name() + " of model " + family.name() + ": " + v.substring(1));
            }
            out.put(h.name(), v);
        }
        return new ModelConfig(family.name(), out);
    }

    public String get(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("model " + family + " has no hyperparameter " + name);
        }
        return v;
    }

    public int getInt(String name) {
        return Integer.parseInt(get(name));
    }

    public double getDouble(String name) {
        return Double.parseDouble(get(name));
    }

    public boolean getBool(String name) {
        return Boolean.parseBoolean(get(name));
    }
}
