package dev.aebench.analysis;

import dev.aebench.core.error.UserError;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which analyses run and on how much data. A size of 0 means "not given": its default, or the
 * whole test set when that is smaller; a size given must be between 1 and the test set's size.
 *
 * @param selected       the analyses to run
 * @param points         test points for Jacobian norms and contraction curves (default {@value #DEFAULT_POINTS})
 * @param spectrumPoints test points whose Jacobian spectra are averaged (default {@value #DEFAULT_SPECTRUM_POINTS})
 * @param directions     random directions per point and radius of a contraction curve (default {@value #DEFAULT_DIRECTIONS})
 * @param queries        test codes used as retrieval queries (default {@value #DEFAULT_QUERIES}); the index is every training code
 * @param robustnessPoints test images corrupted for the robustness figures (default {@value #DEFAULT_ROBUSTNESS_POINTS})
 */
public record AnalysisOptions(Set<AnalysisName> selected, int points, int spectrumPoints, int directions, int queries,
                              int robustnessPoints) {
    public static final int DEFAULT_POINTS = 500;
    public static final int DEFAULT_SPECTRUM_POINTS = 100;
    public static final int DEFAULT_DIRECTIONS = 8;
    public static final int DEFAULT_QUERIES = 1000;
    public static final int DEFAULT_ROBUSTNESS_POINTS = 2000;

    public AnalysisOptions {
        selected = selected.isEmpty() ? EnumSet.noneOf(AnalysisName.class) : EnumSet.copyOf(selected);
        if (points < 0 || spectrumPoints < 0 || directions < 0 || queries < 0 || robustnessPoints < 0) {
            throw new IllegalArgumentException("sizes are >= 0 (0: the default)");
        }
    }

    /**
     * From user input: a selection ({@link #parseSelection}) and sizes, each null when not given.
     * A size below 1 is a {@link UserError} naming its option.
     */
    public static AnalysisOptions of(String selection, Integer points, Integer spectrumPoints, Integer directions,
                                     Integer queries, Integer robustnessPoints) {
        return new AnalysisOptions(parseSelection(selection, "--metrics"), given("--analysis-points", points),
                given("--spectrum-points", spectrumPoints), given("--directions", directions), given("--queries", queries),
                given("--robustness-points", robustnessPoints));
    }

    /** A selection with every size at its default. */
    public static AnalysisOptions of(String selection) {
        return of(selection, null, null, null, null, null);
    }

    /** The default set with default sizes. */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(parseSelection("default", "--metrics"), 0, 0, 0, 0, 0);
    }

    /** No analyses. */
    public static AnalysisOptions none() {
        return defaults().withSelected(EnumSet.noneOf(AnalysisName.class));
    }

    /** Points for Jacobian norms and contraction curves on a test set of {@code testSize} images. */
    public int points(int testSize) {
        return resolve(points, DEFAULT_POINTS, testSize);
    }

    public int spectrumPoints(int testSize) {
        return resolve(spectrumPoints, DEFAULT_SPECTRUM_POINTS, testSize);
    }

    public int directions() {
        return directions == 0 ? DEFAULT_DIRECTIONS : directions;
    }

    public int queries(int testSize) {
        return resolve(queries, DEFAULT_QUERIES, testSize);
    }

    public int robustnessPoints(int testSize) {
        return resolve(robustnessPoints, DEFAULT_ROBUSTNESS_POINTS, testSize);
    }

    private static int resolve(int given, int fallback, int testSize) {
        return given == 0 ? Math.min(fallback, testSize) : given;
    }

    private static int given(String option, Integer v) {
        if (v == null) {
            return 0;
        }
        if (v < 1) {
            throw new UserError(option + ": expected an integer >= 1, found " + v);
        }
        return v;
    }

    public AnalysisOptions withSelected(Set<AnalysisName> s) {
        return new AnalysisOptions(s, points, spectrumPoints, directions, queries, robustnessPoints);
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
        atMost("--analysis-points", points, testSize);
        atMost("--spectrum-points", spectrumPoints, testSize);
        atMost("--queries", queries, testSize);
        atMost("--robustness-points", robustnessPoints, testSize);
        if (runs(AnalysisName.CONTRACTION) && testSize < 2) {
            throw new UserError("contraction: needs at least 2 test images, found " + testSize);
        }
    }

    /** A short description for logs and provenance. */
    public String describe() {
        String names = selected.stream().map(AnalysisName::id).collect(Collectors.joining(","));
        return names.isEmpty() ? "none" : names + " (points " + size(points, DEFAULT_POINTS) + ", spectrum-points "
                + size(spectrumPoints, DEFAULT_SPECTRUM_POINTS) + ", directions " + directions() + ", queries "
                + size(queries, DEFAULT_QUERIES) + ", robustness-points " + size(robustnessPoints, DEFAULT_ROBUSTNESS_POINTS) + ")";
    }

    private static String size(int given, int fallback) {
        return given == 0 ? "default " + fallback : Integer.toString(given);
    }

    private static void atMost(String name, int v, int testSize) {
        if (v > testSize) {
            throw new UserError(name + ": expected at most the test set's " + testSize + " images, found " + v);
        }
    }
}
