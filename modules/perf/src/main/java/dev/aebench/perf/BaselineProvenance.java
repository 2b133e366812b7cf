package dev.aebench.perf;

/** Where a baseline section was measured: commit, JDK, CPU, kernels, date and the command. */
public record BaselineProvenance(String commit, String jdk, String cpu, String kernels, String date, String command) {
}
