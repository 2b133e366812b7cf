package dev.aebench.runner.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A block's {@code random} section: {@code n} configurations drawn with a generator seeded by
 * {@code seed}, each hyperparameter of {@code params} drawn from its distribution (in file order).
 */
public record RandomSearch(int n, long seed, Map<String, Distribution> params) {
    public RandomSearch {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
