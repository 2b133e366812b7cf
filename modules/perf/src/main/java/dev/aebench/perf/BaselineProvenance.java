package dev.aebench.perf;

/**
 * Where a baseline section was measured: commit, JDK, CPU, the CPU's preferred vector width in
 * bits (0 when unknown), kernels, date, the command and the one-core FMA peak the class probe
 * measured (GFLOP/s; NaN when not recorded).
 */
public record BaselineProvenance(String commit, String jdk, String cpu, int vectorBits, String kernels, String date, String command,
                                 double fmaGflops) {
    /** A provenance without a measured FMA peak. */
    public BaselineProvenance(String commit, String jdk, String cpu, int vectorBits, String kernels, String date, String command) {
        this(commit, jdk, cpu, vectorBits, kernels, date, command, Double.NaN);
    }
}
