package dev.aebench.core.metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every metric described by a {@link MetricProvider} on the class path. */
public final class MetricCatalog {
    private final Map<String, MetricDescription> byName;

    private MetricCatalog(Map<String, MetricDescription> byName) {
        this.byName = byName;
    }

    public static MetricCatalog load() {
        Map<String, MetricDescription> m = new LinkedHashMap<>();
        for (MetricProvider p : ServiceLoader.load(MetricProvider.class)) {
            for (MetricDescription d : p.metrics()) {
                m.putIfAbsent(d.name(), d);
            }
        }
        return new MetricCatalog(m);
    }

    public Optional<MetricDescription> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<MetricDescription> all() {
        return new ArrayList<>(byName.values());
    }
}
