package dev.aebench.perf;

import java.util.List;
import java.util.Map;

/** Runs one side's workloads once in a fresh JVM and returns what it measured, per family. */
public interface SideRunner {
    /**
     * @param side     the side
     * @param mode     the workload mode
     * @param families the families to run; empty means every family the side registers
     * @param repeats  timed repeats in that JVM
     */
    Map<String, FamilySample> run(CompareSide side, WorkloadMode mode, List<String> families, int repeats);
}
