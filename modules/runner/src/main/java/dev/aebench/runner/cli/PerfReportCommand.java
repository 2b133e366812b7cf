package dev.aebench.runner.cli;

import dev.aebench.core.error.UserError;
import dev.aebench.perf.ChangePoints;
import dev.aebench.perf.PerfHistory;
import dev.aebench.perf.PerfTrends;
import dev.aebench.report.figure.Figure;
import dev.aebench.report.figure.TrendChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code aebench perf report HISTORY}: one trend chart per family (SVG) from a {@code --history}
 * file, change points marked, and a Markdown index listing them.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Draw the trend of every family's ratio from a --history file (one SVG per family, detected change points "
                + "marked) and write trend.md listing the changes."})
public final class PerfReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HISTORY", description = "the JSONL history written by perf check|compare --history")
    Path history;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "perf-trend", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--min-shift", paramLabel = "PCT", defaultValue = "5%",
            description = "smallest change of level that counts as a change point (default: ${DEFAULT-VALUE})")
    String minShift;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        List<PerfHistory.Entry> entries = PerfHistory.read(history);
        if (entries.isEmpty()) {
            throw new UserError("history " + history + ": no runs in it");
        }
        ChangePoints detector = new ChangePoints(ChangePoints.DEFAULT.window(), parseShift(minShift), ChangePoints.DEFAULT.alpha());
        Map<String, List<PerfTrends.Series>> trends = PerfTrends.of(entries, detector);
        Files.createDirectories(out);
        StringBuilder md = new StringBuilder("# Performance trend\n\n");
        md.append(String.format(Locale.ROOT, "%d runs from `%s`. Ratio = epoch time / calibration time (lower is faster), one line per CPU "
                        + "class and workload mode. A change point compares the %d runs before it with the %d from it on (at least %d near the "
                        + "ends): a level shift of at least %.0f%% and a two-sided Mann-Whitney p < %s.%n%n", entries.size(), history.getFileName(),
                detector.window(), detector.window(), ChangePoints.MIN_SIDE,
                100 * detector.minShift(), detector.alpha()));
        md.append("| family | runs | changes |\n|---|---:|---|\n");
        int changes = 0;
        for (Map.Entry<String, List<PerfTrends.Series>> e : trends.entrySet()) {
            String family = e.getKey();
            List<TrendChart.Line> lines = new ArrayList<>();
            List<String> found = new ArrayList<>();
            int runs = 0;
            for (PerfTrends.Series s : e.getValue()) {
                runs += s.ratios().length;
                lines.add(new TrendChart.Line(s.key(), s.ratios(), s.changes().stream().map(ChangePoints.Change::index).toList(),
                        s.changes().stream().map(ChangePoints.Change::shift).toList()));
                for (ChangePoints.Change c : s.changes()) {
                    found.add(String.format(Locale.ROOT, "run %d (%s, %s): %+.1f%%", c.index() + 1, shortCommit(s.commits().get(c.index())),
                            s.key(), 100 * c.shift()));
                }
            }
            changes += found.size();
            String name = "trend-" + family;
            Figure f = TrendChart.render(name, family + ": ratio per run", "ratio (epoch / calibration)",
                    family + " ratio per run; dashed lines mark detected change points.", lines);
            Files.writeString(out.resolve(name + ".svg"), f.svgDocument());
            md.append("| [").append(family).append("](").append(name).append(".svg) | ").append(runs).append(" | ")
                    .append(found.isEmpty() ? "none" : String.join("; ", found)).append(" |\n");
        }
        Files.writeString(out.resolve("trend.md"), md.toString());
        w.printf(Locale.ROOT, "perf report: %d families, %d runs, %d change points; wrote %s%n", trends.size(), entries.size(), changes,
                out.resolve("trend.md"));
        w.flush();
        return 0;
    }

    private static double parseShift(String text) {
        String t = text.trim();
        try {
            double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100 : Double.parseDouble(t);
            if (!(v > 0 && v < 10)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UserError("--min-shift: expected a percentage such as 5% or a fraction such as 0.05, found '" + text + "'");
        }
    }

    private static String shortCommit(String c) {
        return c.length() > 12 ? c.substring(0, 12) : c;
    }
}
