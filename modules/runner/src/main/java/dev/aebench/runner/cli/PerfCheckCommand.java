package dev.aebench.runner.cli;

import dev.aebench.core.error.UserError;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.perf.CpuClass;
import dev.aebench.perf.InjectedFaults;
import dev.aebench.perf.PerfCheck;
import dev.aebench.perf.PerfOptions;
import dev.aebench.perf.WorkloadMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code aebench perf check}: times a fixed training workload per family against an in-process
 * calibration kernel and compares with the baseline; exit 1 names the family that regressed.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Time a fixed training workload per family (ratio to an in-process calibration kernel) and compare "
                + "speed and final loss with the baseline.",
                "Exit 0 when every family passes, 1 when one is significantly slower by more than the threshold or its loss "
                        + "changed, 2 on bad input.",
                "The baseline has a section per CPU class (vector width and measured FMA peak band); with none for this machine's "
                        + "class, use 'aebench perf compare' or --update-baseline."})
public final class PerfCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", paramLabel = "FILE", description = "baseline file (default: ci/perf-baseline.json under the project)")
    Path baseline;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "15%",
            description = "slowdown of the median ratio that fails, with p < alpha (default: ${DEFAULT-VALUE})")
    String threshold;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.01",
            description = "significance level of the one-sided Mann-Whitney test (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--repeats", paramLabel = "N", description = "timed repeats per family (default: 7 with --short, else 8)")
    Integer repeats;

    @Option(names = "--short", description = "the short workload CI runs (fewer steps; its own baseline section)")
    boolean shortMode;

    @Option(names = "--update-baseline", description = "measure and rewrite the baseline's section instead of comparing")
    boolean updateBaseline;

    @Option(names = "--families", paramLabel = "A,B", split = ",",
            description = "families to run (default: the baseline's; with --update-baseline every registered family)")
    List<String> families = new ArrayList<>();

    @Option(names = "--loss-tolerance", paramLabel = "REL", defaultValue = "1e-4",
            description = "relative tolerance of the final-loss comparison (default: ${DEFAULT-VALUE})")
    double lossTolerance;

    @Option(names = "--threads", paramLabel = "N",
            description = "kernel threads of a new baseline (with --update-baseline; default: 1); a check uses the baseline's")
    Integer threads;

    @Option(names = "--cpu-class", paramLabel = "ID",
            description = "compare with (or update) this CPU class's baseline section instead of the measured class, e.g. vector-512/fma-160-320")
    String cpuClass;

    @picocli.CommandLine.Mixin
    PerfOutputOptions outputs = new PerfOutputOptions();

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Option(names = "--debug", description = "show stack traces of internal errors")
    boolean debug;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkloadMode mode = shortMode ? WorkloadMode.SHORT : WorkloadMode.FULL;
        if (threads != null && !updateBaseline) {
            throw new UserError("--threads applies to --update-baseline; a check runs with the baseline's thread count");
        }
        String command = "aebench " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        PerfOptions options = new PerfOptions(baseline != null ? baseline : defaultBaseline(), PerfOptions.parseThreshold(threshold),
                alpha, PerfOptions.repeatsOrDefault(repeats, mode), mode, updateBaseline, PerfOptions.parseFamilies(families),
                lossTolerance, threads != null ? threads : PerfOptions.DEFAULT_THREADS, command.strip(),
                cpuClass == null ? null : CpuClass.parse(cpuClass, "--cpu-class"));
        PerfCheck check = new PerfCheck(ModelRegistry.load(), InjectedFaults.fromSystemProperties());
        return check.run(options, outputs.toOutputs(), out, line -> {
            if (!quiet) {
                err.println("perf: " + line);
                err.flush();
            }
        });
    }

    /** ci/perf-baseline.json under the project (the launcher sets aebench.home), else under the working directory. */
    static Path defaultBaseline() {
        String home = System.getProperty("aebench.home");
        return home != null && !home.isBlank() ? Path.of(home).resolve(PerfOptions.DEFAULT_BASELINE) : PerfOptions.DEFAULT_BASELINE;
    }
}
