package dev.aebench.runner.summary;

import dev.aebench.runner.experiment.Selection;

import java.util.List;

/**
 * A sweep folder summarised: the experiment, the validation split that selection used (0: none)
 * and its criterion, the
 * names of the figures summarised (every numeric metric present), every configuration in plan order, how many planned trials have no record yet, and how many
 * records belong to other plans (an earlier version of the experiment) and were left out.
 */
public record Summary(String experiment, int validation, Selection select, List<String> figures,
                      List<ConfigSummary> configs, int pending, int otherRecords) {
    public Summary {
        figures = List.copyOf(figures);
        configs = List.copyOf(configs);
    }

    public List<ConfigSummary> selected() {
        return configs.stream().filter(ConfigSummary::selected).toList();
    }
}
