package dev.aebench.perf;

/**
 * Where a baseline section was measured: commit, JDK, CPU, the CPU's preferred vector width in
 * bits (0 when unknown), kernels, date and the command.
 */
public record BaselineProvenance(String commit, String jdk, String cpu, int vectorBits, String kernels, String date, String command) {
}
