package dev.aebench.runner.cli;

import dev.aebench.perf.GateOutputs;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The machine-readable outputs shared by {@code perf check} and {@code perf compare}. */
public final class PerfOutputOptions {
    @Option(names = "--json", paramLabel = "FILE", description = "write the outcome as JSON (schema: docs/PERFORMANCE.md)")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "write JUnit XML: one testcase per family, failing with the slowdown and p-value")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "write a Markdown table for a CI job summary or a pull-request comment")
    Path markdown;

    @Option(names = "--history", paramLabel = "FILE",
            description = "append this run (commit, date, machine, per-family ratios) as one JSON line; see 'aebench perf report'")
    Path history;

    GateOutputs toOutputs() {
        return new GateOutputs(json, junit, markdown, history);
    }
}
