package dev.aebench.report.analysis;

import java.util.List;

/**
 * One block of the experiment: its configurations in plan order, the one selected on the
 * validation split (null when none could be), and the hyperparameters it sweeps.
 */
public record BlockResult(int index, String label, String model, List<ConfigResult> configs, ConfigResult selected,
                          List<SweepAxis> axes) {
    public BlockResult {
        configs = List.copyOf(configs);
        axes = List.copyOf(axes);
    }

    public boolean isSweep() {
        return configs.size() > 1;
    }

    public int selectedIndex() {
        return configs.indexOf(selected);
    }

    /** Edge warnings of the selection: one per swept numeric hyperparameter whose selected value ends its grid. */
    public List<String> edgeWarnings() {
        if (selected == null) {
            return List.of();
        }
        int i = selectedIndex();
        return axes.stream().filter(a -> a.edge(i) != null)
                .map(a -> a.param() + " = " + a.values().get(i) + " is the " + a.edge(i) + " value of its grid: the optimum may lie outside it")
                .toList();
    }

    /** The label of the selection: {@code cae lambda=0.0001}. */
    public String selectedLabel() {
        return selected == null ? label : selected.describe();
    }
}
