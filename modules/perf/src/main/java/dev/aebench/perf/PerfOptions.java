package dev.aebench.perf;

import dev.aebench.core.error.UserError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What {@code perf check} was asked to do, validated.
 *
 * @param baseline       the baseline file
 * @param threshold      relative slowdown of the median ratio that counts (0.15 = 15%)
 * @param alpha          significance level of the one-sided test
 * @param repeats        timed repeats per family
 * @param mode           workload size
 * @param updateBaseline measure and rewrite the baseline's section for {@code mode} instead of comparing
 * @param families       families to run; empty means the baseline's (check) or every registered one (update)
 * @param lossTolerance  relative tolerance of the final-loss comparison
 * @param threads        kernel threads of a new baseline (a check always uses the baseline's)
 * @param command        the command line, for the baseline's provenance
 * @param cpuClass       the baseline class to use instead of the measured one ({@code --cpu-class}), or null
 */
public record PerfOptions(Path baseline, double threshold, double alpha, int repeats, WorkloadMode mode,
                          boolean updateBaseline, List<String> families, double lossTolerance, int threads, String command,
                          CpuClass cpuClass) {
    public static final Path DEFAULT_BASELINE = Path.of("ci", "perf-baseline.json");
    public static final double DEFAULT_THRESHOLD = 0.15;
    public static final double DEFAULT_ALPHA = 0.01;
    public static final double DEFAULT_LOSS_TOLERANCE = 1e-4;
    /**
     * Threads of a new baseline; a check uses the baseline's. One thread, because a timing on one
     * thread of a 2-core machine is barely moved by one busy neighbour, while a 2-thread timing is
     * doubled whenever either core is taken (see docs/PERFORMANCE.md).
     */
    public static final int DEFAULT_THREADS = 1;

    /** Options that use the measured CPU class. */
    public PerfOptions(Path baseline, double threshold, double alpha, int repeats, WorkloadMode mode,
                       boolean updateBaseline, List<String> families, double lossTolerance, int threads, String command) {
        this(baseline, threshold, alpha, repeats, mode, updateBaseline, families, lossTolerance, threads, command, null);
    }

    public PerfOptions {
        if (baseline == null) {
            throw new UserError("--baseline: expected a file");
        }
        if (!(threshold > 0 && threshold <= 10)) {
            throw new UserError("--threshold: expected a slowdown between 0% and 1000%, found " + threshold);
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new UserError("--alpha: expected a significance level between 0 and 0.5, found " + alpha);
        }
        if (repeats < 3 || repeats > 1000) {
            throw new UserError("--repeats: expected 3 to 1000 repeats, found " + repeats);
        }
        if (!(lossTolerance >= 0 && lossTolerance < 1)) {
            throw new UserError("--loss-tolerance: expected a relative tolerance in [0, 1), found " + lossTolerance);
        }
        if (threads < 1 || threads > 256) {
            throw new UserError("--threads: expected 1 to 256, found " + threads);
        }
        families = List.copyOf(families);
        command = command == null ? "aebench perf check" : command;
    }

    /** The repeats of {@code mode} when the user gives none. */
    public static int repeatsOrDefault(Integer repeats, WorkloadMode mode) {
        return repeats != null ? repeats : mode.defaultRepeats();
    }

    /**
     * {@code 15%} or {@code 0.15}; a bare number above 1 is refused as ambiguous.
     */
    public static double parseThreshold(String text) {
        String t = text.trim();
        try {
            if (t.endsWith("%")) {
                return Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100;
            }
            double v = Double.parseDouble(t);
            if (v > 1) {
                throw new UserError("--threshold: expected a percentage such as 15% or a fraction such as 0.15, found '" + text + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UserError("--threshold: expected a percentage such as 15% or a fraction such as 0.15, found '" + text + "'");
        }
    }

    /** Comma-separated family names, trimmed, lower-cased, duplicates dropped. */
    public static List<String> parseFamilies(List<String> values) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                String name = part.trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    throw new UserError("--families: expected comma-separated family names such as ae,deep, found '" + v + "'");
                }
                out.add(name);
            }
        }
        return new ArrayList<>(out);
    }
}
