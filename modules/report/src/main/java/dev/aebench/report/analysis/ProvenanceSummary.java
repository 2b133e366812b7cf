package dev.aebench.report.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.report.results.TrialRecord;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Where a folder's results came from, gathered over its records: the distinct commits, JDKs,
 * CPUs, kernels, thread counts and data fingerprints (sorted), the first and last trial start,
 * and the total wall-clock seconds of all recorded trials.
 */
public record ProvenanceSummary(List<String> commits, List<String> jdks, List<String> cpus, List<String> kernels,
                                List<String> threads, List<String> data, String firstStart, String lastStart,
                                double computeSec) {
    static ProvenanceSummary of(Collection<TrialRecord> records) {
        TreeSet<String> commits = new TreeSet<>();
        TreeSet<String> jdks = new TreeSet<>();
        TreeSet<String> cpus = new TreeSet<>();
        TreeSet<String> kernels = new TreeSet<>();
        TreeSet<String> threads = new TreeSet<>();
        TreeSet<String> data = new TreeSet<>();
        TreeSet<String> starts = new TreeSet<>();
        double compute = 0;
        for (TrialRecord r : records) {
            if (!Double.isNaN(r.wallSec())) {
                compute += r.wallSec();
            }
            JsonNode p = r.provenance();
            if (p == null || !p.isObject()) {
                continue;
            }
            add(commits, p, "commit");
            add(jdks, p, "jdk");
            add(cpus, p, "cpu");
            add(kernels, p, "kernels");
            add(threads, p, "threads");
            add(data, p, "data");
            add(starts, p, "started");
        }
        return new ProvenanceSummary(List.copyOf(commits), List.copyOf(jdks), List.copyOf(cpus), List.copyOf(kernels),
                List.copyOf(threads), List.copyOf(data), starts.isEmpty() ? null : starts.first(),
                starts.isEmpty() ? null : starts.last(), compute);
    }

    private static void add(TreeSet<String> set, JsonNode p, String field) {
        JsonNode v = p.get(field);
        if (v != null && !v.isNull() && !v.asText().isEmpty()) {
            set.add(v.asText());
        }
    }
}
