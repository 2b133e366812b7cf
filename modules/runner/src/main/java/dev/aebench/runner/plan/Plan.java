package dev.aebench.runner.plan;

import dev.aebench.runner.experiment.Selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expanded experiment: every (block, configuration, seed) entry in file order, with the
 * validation split and the criterion that selects each block's best configuration on it. Two blocks may
 * plan the same trial (same id); it runs once and counts for both. {@link #trials()} lists each
 * id once; {@link #executionOrder()} runs the first seed of every configuration before any second
 * seed, so an interrupted sweep has covered as many configurations as possible.
 */
public record Plan(String experiment, DataSource data, int validation, Selection select, List<PlannedTrial> entries) {
    public Plan {
        entries = List.copyOf(entries);
    }

    /** Each trial once, in file order. */
    public List<PlannedTrial> trials() {
        Map<String, PlannedTrial> unique = new LinkedHashMap<>();
        for (PlannedTrial t : entries) {
            unique.putIfAbsent(t.id(), t);
        }
        return new ArrayList<>(unique.values());
    }

    public int size() {
        return trials().size();
    }

    /** Each trial once, seed positions outermost (stable within a position). */
    public List<PlannedTrial> executionOrder() {
        List<PlannedTrial> order = trials();
        order.sort(Comparator.comparingInt(PlannedTrial::seedIndex));
        return order;
    }
}
