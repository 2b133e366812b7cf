package dev.aebench.runner.cli;

import dev.aebench.core.error.UserError;
import dev.aebench.core.result.Provenance;
import dev.aebench.perf.BaseBuild;
import dev.aebench.perf.CompareOptions;
import dev.aebench.perf.CompareSide;
import dev.aebench.perf.ForkedSideRunner;
import dev.aebench.perf.GateOutputs;
import dev.aebench.perf.InjectedFaults;
import dev.aebench.perf.PerfCompare;
import dev.aebench.perf.PerfOptions;
import dev.aebench.perf.WorkloadMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code aebench perf compare --base REV}: builds REV in a cached checkout of its own, then times
 * the base's and the working tree's workloads in alternating fresh JVMs and compares them.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Build the base revision in a cached checkout of its own, run its workloads and the working tree's in "
                + "alternating fresh JVMs (base, working tree, base, ...) and compare speed (same statistics as 'perf check', "
                + "with a confidence interval of the ratio) and final loss per family.",
                "Exit 0 when every family passes, 1 when one is significantly slower by more than the threshold or its loss "
                        + "changed, 2 on bad input (an unknown or unbuildable revision)."})
public final class PerfCompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--base", required = true, paramLabel = "REV", description = "the revision to compare with (a branch, tag, commit, HEAD~1)")
    String base;

    @Option(names = "--short", description = "the short workload (as CI's 'perf check --short')")
    boolean shortMode;

    @Option(names = "--families", paramLabel = "A,B", split = ",", description = "families to compare (default: every family both sides have)")
    List<String> families = new ArrayList<>();

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "" + CompareOptions.DEFAULT_ROUNDS,
            description = "base / working-tree rounds, each side a fresh JVM per round (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "" + CompareOptions.DEFAULT_REPEATS,
            description = "timed repeats per family in each JVM (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "15%",
            description = "slowdown of the median ratio that fails, with p < alpha (default: ${DEFAULT-VALUE})")
    String threshold;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.01",
            description = "significance level of the one-sided Mann-Whitney test (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--loss-tolerance", paramLabel = "REL", defaultValue = "1e-4",
            description = "relative tolerance of the final-loss comparison (default: ${DEFAULT-VALUE})")
    double lossTolerance;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "where base builds are kept, one per commit (default: $XDG_CACHE_HOME/aebench/perf-builds or ~/.cache/aebench/perf-builds)")
    Path cache;

    @Mixin
    PerfOutputOptions outputs = new PerfOutputOptions();

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Option(names = "--debug", description = "show stack traces of internal errors")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkloadMode mode = shortMode ? WorkloadMode.SHORT : WorkloadMode.FULL;
        CompareOptions options = new CompareOptions(base, mode, PerfOptions.parseFamilies(families), rounds, repeats,
                PerfOptions.parseThreshold(threshold), alpha, lossTolerance);
        Path repo = projectRoot();
        String headCommit = Provenance.capture(Map.of(), 0, "", 1, "").commit();
        GateOutputs outs = outputs.toOutputs();
        outs.validate(headCommit);
        InjectedFaults faults = InjectedFaults.fromSystemProperties();
        java.util.function.Consumer<String> progress = line -> {
            if (!quiet) {
                err.println("perf compare: " + line);
                err.flush();
            }
        };
        BaseBuild build = new BaseBuild(repo, cache != null ? cache : defaultCache(), BaseBuild.DEFAULT_BUILD, progress);
        BaseBuild.Built built = build.prepare(options.base());
        List<String> jvm = inheritedJvmArgs();
        List<String> baseJvm = new ArrayList<>(jvm.stream().filter(a -> !a.startsWith("-Daebench.perf.inject.")).toList());
        baseJvm.add("-Daebench.commit=" + built.commit());
        baseJvm.add("-Daebench.home=" + built.tree());
        List<String> headJvm = new ArrayList<>(jvm);
        headJvm.add("-Daebench.commit=" + headCommit);
        headJvm.add("-Daebench.home=" + repo);
        CompareSide baseSide = new CompareSide("base", built.commit(), built.tree(), built.classpath(), baseJvm);
        CompareSide headSide = new CompareSide("working tree", headCommit, repo,
                List.of(System.getProperty("java.class.path").split(File.pathSeparator)), headJvm);
        Path scratch = Files.createTempDirectory("aebench-perf-compare");
        try {
            ForkedSideRunner runner = new ForkedSideRunner(ForkedSideRunner.currentJava(), Main.class.getName(), scratch);
            return new PerfCompare(runner, faults).run(options, baseSide, headSide, outs, out, progress);
        } finally {
            try (var s = Files.walk(scratch)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** This JVM's options, less the per-run properties each side sets itself. */
    static List<String> inheritedJvmArgs() {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Daebench.commit=") || a.startsWith("-Daebench.home=") || a.startsWith("-agentlib")
                    || a.startsWith("-javaagent")) {
                continue;
            }
            out.add(a);
        }
        if (out.stream().noneMatch(a -> a.contains("jdk.incubator.vector"))) {
            out.add(0, "--add-modules=jdk.incubator.vector");
        }
        return out;
    }

    /** The project (the launcher sets aebench.home), else the working directory; either must be inside a git repository. */
    static Path projectRoot() {
        String home = System.getProperty("aebench.home");
        Path root = home != null && !home.isBlank() ? Path.of(home) : Path.of("").toAbsolutePath();
        if (!Files.exists(root.resolve(".git"))) {
            throw new UserError("perf compare: " + root + " is not a git checkout (no .git); run it from the project's clone");
        }
        return root;
    }

    static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("aebench").resolve("perf-builds");
    }
}
