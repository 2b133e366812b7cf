package dev.aebench.analysis.score;

import dev.aebench.core.metric.MetricDescription;
import dev.aebench.core.metric.MetricProvider;

import java.util.List;

/** The metrics of {@link ScoreField}, reported for models trained on {@code synthetic:mixture}. */
public final class ScoreFieldMetrics implements MetricProvider {
    private static final String GRID = "over the unit-square grid points where the mixture's density is at least "
            + ScoreField.MIN_RELATIVE_DENSITY + " of its largest";

    @Override
    public List<MetricDescription> metrics() {
        return List.of(
                MetricDescription.higher(ScoreField.COSINE, "1",
                        "mean cosine between r(x) - x and the exact score d log p(x)/dx " + GRID),
                MetricDescription.higher(ScoreField.FIT, "fraction",
                        "fraction of sum |r(x) - x|^2 explained by one least-squares multiple of the score " + GRID),
                MetricDescription.neither(ScoreField.SCALE, "1",
                        "least-squares a in r(x) - x ~ a * sigma^2 * score for a model with Gaussian corruption sigma "
                                + "(1 in the small-noise limit) " + GRID),
                MetricDescription.neither(ScoreField.POINTS, "count", "grid points of the score field " + GRID),
                MetricDescription.neither(ScoreField.FIELD_X, "1", "x of each score-field grid point (list)"),
                MetricDescription.neither(ScoreField.FIELD_Y, "1", "y of each score-field grid point (list)"),
                MetricDescription.neither(ScoreField.FIELD_U, "1", "x component of r(x) - x at each grid point (list)"),
                MetricDescription.neither(ScoreField.FIELD_V, "1", "y component of r(x) - x at each grid point (list)"),
                MetricDescription.neither(ScoreField.SCORE_U, "1",
                        "x component of the exact score d log p/dx at each grid point (list)"),
                MetricDescription.neither(ScoreField.SCORE_V, "1",
                        "y component of the exact score d log p/dy at each grid point (list)"));
    }
}
