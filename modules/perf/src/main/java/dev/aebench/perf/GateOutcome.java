package dev.aebench.perf;

import java.util.List;

/**
 * Everything a gate run decided, for the JSON, JUnit XML, Markdown and history outputs
 * ({@link GateOutputs}).
 *
 * @param command       {@code check} or {@code compare}
 * @param mode          workload mode label
 * @param commit        the measured tree's commit ({@code -dirty} when it had uncommitted changes)
 * @param date          when the run ended (ISO-8601, UTC)
 * @param machine       CPU model and cores, as the provenance records it
 * @param cpuClass      the machine's CPU class id
 * @param fmaGflops     the class probe's one-core FMA peak, GFLOP/s
 * @param jdk           the JDK
 * @param kernels       the kernels measured
 * @param reference     what was compared with, in words (the baseline file and its commit, or the base revision)
 * @param referenceCommit the baseline's or the base's commit
 * @param threshold     slowdown that fails (0.15 = 15%)
 * @param alpha         significance level
 * @param lossTolerance relative tolerance of the final loss
 * @param families      one row per family
 * @param notes         remarks printed with the run (injected faults, skipped families)
 */
public record GateOutcome(String command, String mode, String commit, String date, String machine, String cpuClass, double fmaGflops,
                          String jdk, String kernels, String reference, String referenceCommit, double threshold, double alpha,
                          double lossTolerance, List<FamilyOutcome> families, List<String> notes) {
    public GateOutcome {
        families = List.copyOf(families);
        notes = List.copyOf(notes);
    }

    public boolean passed() {
        return families.stream().noneMatch(FamilyOutcome::failed);
    }

    /** 0 when every family passed, 1 otherwise (the gate's exit code). */
    public int exitCode() {
        return passed() ? PerfCheck.PASSED : PerfCheck.FAILED;
    }

    /** The interval's confidence level: {@code 1 - 2 alpha}, the two-sided level matching the one-sided test. */
    public static double confidenceFor(double alpha) {
        return 1 - 2 * alpha;
    }
}
