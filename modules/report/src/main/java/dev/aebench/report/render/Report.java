package dev.aebench.report.render;

import dev.aebench.core.error.UserError;
import dev.aebench.core.metric.MetricCatalog;
import dev.aebench.report.analysis.Analysis;
import dev.aebench.report.figure.Figure;
import dev.aebench.report.results.ResultsFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a results folder into a report folder: {@code README.md}, {@code index.html},
 * {@code summary.csv} and {@code figures/NAME.svg} + {@code .png}. The output depends only on the
 * results (no rendering time, everything sorted), so the same results give the same bytes. Figures
 * left from an earlier rendering that this one does not draw are removed.
 */
public final class Report {
    public static final String README = "README.md";
    public static final String HTML = "index.html";
    public static final String CSV = "summary.csv";
    public static final String FIGURES = "figures";

    private Report() {
    }

    /** The default report folder of a results folder. */
    public static Path defaultOut(Path results) {
        return results.resolve("report");
    }

    /** Reads, analyses and writes; returns the files written, relative to {@code out}, sorted. */
    public static List<String> render(Path results, Path out) {
        Analysis analysis = Analysis.of(ResultsFolder.read(results), MetricCatalog.load());
        return write(analysis, out);
    }

    static List<String> write(Analysis analysis, Path out) {
        ReportContent content = ReportContent.build(analysis);
        Path figDir = out.resolve(FIGURES);
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(figDir);
            Set<String> keep = new HashSet<>();
            for (Figure f : content.figuresPlaced()) {
                write(figDir.resolve(f.name() + ".svg"), f.svgDocument().getBytes(StandardCharsets.UTF_8));
                write(figDir.resolve(f.name() + ".png"), f.png());
                keep.add(f.name() + ".svg");
                keep.add(f.name() + ".png");
            }
            try (DirectoryStream<Path> old = Files.newDirectoryStream(figDir, "*.{svg,png}")) {
                for (Path p : old) {
                    if (!keep.contains(p.getFileName().toString())) {
                        Files.delete(p);
                    }
                }
            }
            keep.stream().sorted().forEach(n -> written.add(FIGURES + "/" + n));
            write(out.resolve(README), MarkdownFormat.render(content.doc()).getBytes(StandardCharsets.UTF_8));
            write(out.resolve(HTML), HtmlFormat.render(content.doc()).getBytes(StandardCharsets.UTF_8));
            write(out.resolve(CSV), SummaryCsv.render(analysis).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError(out + ": cannot write the report (" + e.getMessage() + ")");
        }
        written.add(CSV);
        written.add(HTML);
        written.add(README);
        return written.stream().sorted().toList();
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
