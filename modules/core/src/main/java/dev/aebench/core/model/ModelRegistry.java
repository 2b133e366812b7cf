package dev.aebench.core.model;

import dev.aebench.core.error.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The model families found on the class path, by name. */
public final class ModelRegistry {
    private final Map<String, ModelFamily> families = new TreeMap<>();

    private ModelRegistry() {
    }

    public static ModelRegistry load() {
        ModelRegistry r = new ModelRegistry();
        for (ModelFamily f : ServiceLoader.load(ModelFamily.class)) {
            ModelFamily old = r.families.put(f.name(), f);
            if (old != null) {
                throw new IllegalStateException("two families named " + f.name() + ": " + old.getClass() + ", " + f.getClass());
            }
        }
        return r;
    }

    public List<ModelFamily> all() {
        return new ArrayList<>(families.values());
    }

    public ModelFamily get(String name) {
        ModelFamily f = families.get(name);
        if (f == null) {
            String near = Names.closest(name, families.keySet());
            throw new UserError("unknown model '" + name + "'" + (near != null ? " (did you mean '" + near + "'?)" : "")
                    + "; known models: " + String.join(", ", families.keySet()));
        }
        return f;
    }
}
