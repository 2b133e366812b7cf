package dev.aebench.core.metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every metric description on the class path, from all {@link MetricProvider}s, by name. Two
 * providers describing one name must agree; a metric without a description is still summarised
 * and reported (records from a newer version), only without unit and direction.
 */
public final class MetricCatalog {
    private final Map<String, MetricDescription> byName;

    private MetricCatalog(Map<String, MetricDescription> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The descriptions of every provider found by {@link ServiceLoader} on this class path. */
    public static MetricCatalog load() {
        List<MetricProvider> providers = new ArrayList<>();
        ServiceLoader.load(MetricProvider.class).forEach(providers::add);
        return of(providers);
    }

    /** The descriptions of the given providers, in their order. */
    public static MetricCatalog of(List<? extends MetricProvider> providers) {
        Map<String, MetricDescription> m = new LinkedHashMap<>();
        for (MetricProvider p : providers) {
            for (MetricDescription d : p.metrics()) {
                MetricDescription earlier = m.putIfAbsent(d.name(), d);
                if (earlier != null && !earlier.equals(d)) {
                    throw new IllegalStateException("metric " + d.name() + " is described twice, differently: "
                            + earlier + " and " + d);
                }
            }
        }
        return new MetricCatalog(m);
    }

    public Optional<MetricDescription> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every description, in provider order. */
    public List<MetricDescription> all() {
        return List.copyOf(byName.values());
    }

    /** How {@code name} improves; {@link Better#NEITHER} when it is not described. */
    public Better better(String name) {
        MetricDescription d = byName.get(name);
        return d == null ? Better.NEITHER : d.better();
    }
}
