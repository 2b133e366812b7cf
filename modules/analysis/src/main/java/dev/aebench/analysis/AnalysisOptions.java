package dev.aebench.analysis;

import dev.aebench.core.error.UserError;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which analyses run and on how much data.
 *
 * @param selected   the analyses to run
 * @param points     test points for Jacobian norms and contraction curves ({@value #DEFAULT_POINTS})
 * @param spectrumPoints test points whose Jacobian spectra are averaged ({@value #DEFAULT_SPECTRUM_POINTS})
 * @param directions random directions per point and radius of a contraction curve ({@value #DEFAULT_DIRECTIONS})
 * @param queries    test codes used as retrieval queries ({@value #DEFAULT_QUERIES}); the index is every training code
 */
public record AnalysisOptions(Set<AnalysisName> selected, int points, int spectrumPoints, int directions, int queries) {
    public static final int DEFAULT_POINTS = 500;
    public static final int DEFAULT_SPECTRUM_POINTS = 100;
    public static final int DEFAULT_DIRECTIONS = 8;
    public static final int DEFAULT_QUERIES = 2000;

    public AnalysisOptions {
        selected = selected.isEmpty() ? EnumSet.noneOf(AnalysisName.class) : EnumSet.copyOf(selected);
        positive("points", points);
        positive("spectrum-points", spectrumPoints);
        positive("directions", directions);
        positive("queries", queries);
    }

    /** The default set with default sizes. */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(parseSelection("default", "--metrics"), DEFAULT_POINTS, DEFAULT_SPECTRUM_POINTS,
                DEFAULT_DIRECTIONS, DEFAULT_QUERIES);
    }

    /** No analyses. */
    public static AnalysisOptions none() {
        return defaults().withSelected(EnumSet.noneOf(AnalysisName.class));
    }

    public AnalysisOptions withSelected(Set<AnalysisName> s) {
        return new AnalysisOptions(s, points, spectrumPoints, directions, queries);
    }

    public boolean runs(AnalysisName a) {
        return selected.contains(a);
    }

    /**
     * Parses {@code default}, {@code all}, {@code none} or a comma-separated list of analysis names
     * (or the names of metrics they emit); {@code default} and {@code all} may be listed with others.
     * {@code where} names the option or field for the error line.
     */
    public static Set<AnalysisName> parseSelection(String text, String where) {
        Set<AnalysisName> out = EnumSet.noneOf(AnalysisName.class);
        if (text == null || text.isBlank()) {
            throw new UserError(where + ": expected " + expected() + ", found nothing");
        }
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase(java.util.Locale.ROOT);
            switch (p) {
                case "none" -> { }
                case "all" -> out.addAll(EnumSet.allOf(AnalysisName.class));
                case "default" -> Arrays.stream(AnalysisName.values()).filter(AnalysisName::cheap).forEach(out::add);
                default -> {
                    AnalysisName a = AnalysisName.parse(p);
                    if (a == null) {
                        a = AnalysisMetrics.analysisOf(p);
                    }
                    if (a == null) {
                        throw new UserError(where + ": expected " + expected() + ", found '" + part.trim() + "'");
                    }
                    out.add(a);
                }
            }
        }
        return out;
    }

    private static String expected() {
        List<String> names = Arrays.stream(AnalysisName.values()).map(AnalysisName::id).toList();
        return "default, all, none or a comma-separated list of " + String.join(", ", names) + " (or their metric names)";
    }

    /** Checks the subset sizes against the data: one line naming the option when a size exceeds it. */
    public void checkAgainst(int testSize) {
        if (runs(AnalysisName.JACOBIAN) || runs(AnalysisName.CONTRACTION)) {
            atMost("--analysis-points", points, testSize);
        }
        if (runs(AnalysisName.SPECTRUM)) {
            atMost("--spectrum-points", spectrumPoints, testSize);
        }
        if (runs(AnalysisName.KNN) || runs(AnalysisName.HASHING)) {
            atMost("--queries", queries, testSize);
        }
        if (runs(AnalysisName.CONTRACTION) && testSize < 2) {
            throw new UserError("contraction: needs at least 2 test images, found " + testSize);
        }
    }

    /** A short description for logs and provenance. */
    public String describe() {
        String names = selected.stream().map(AnalysisName::id).collect(Collectors.joining(","));
        return (names.isEmpty() ? "none" : names) + " (points " + points + ", spectrum-points " + spectrumPoints
                + ", directions " + directions + ", queries " + queries + ")";
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new UserError("--" + (name.equals("points") ? "analysis-points" : name)
                    + ": expected an integer >= 1, found " + v);
        }
    }

    private static void atMost(String name, int v, int testSize) {
        if (v > testSize) {
            throw new UserError(name + ": expected at most the test set's " + testSize + " images, found " + v);
        }
    }
}
