package dev.aebench.report.figure;

import dev.aebench.report.analysis.Analysis;
import dev.aebench.report.analysis.BlockResult;
import dev.aebench.report.results.TrialArtifact;
import dev.aebench.report.results.VectorField;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.VectorRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.VectorSeries;
import org.jfree.data.xy.VectorSeriesCollection;
import org.jfree.data.xy.VectorXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quiver plot of the score field: for each selected model trained on two-dimensional data,
 * the arrows {@code r(x) - x} over the grid its artifact holds, over a sample of the data; and,
 * when the data's density is known (the Gaussian mixture), a last panel with its exact score
 * {@code d log p / dx}, the direction a small-noise DAE's field should take (Alain & Bengio
 * 2014). Each panel has its own scale ({@link #scale}).
 */
public final class Quiver {
    /** The arrow at this quantile of a panel's lengths spans {@value #TYPICAL_CELLS} grid cells. */
    static final double QUANTILE = 0.9;
    static final double TYPICAL_CELLS = 0.8;
    /** Arrows are shortened to at most this many grid cells. */
    static final double MAX_CELLS = 1.6;
    static final Color ARROW = new Color(0x1f4e99);
    static final Color SCORE = new Color(0xb03a2e);
    private static final Color DATA = new Color(0xb8b8b8);

    private Quiver() {
    }

    /** The figure, when at least one selection has a field. */
    public static Optional<Figure> scoreField(Analysis a, String name) {
        Map<String, VectorField> panels = new LinkedHashMap<>();
        VectorField withScore = null;
        for (Map.Entry<BlockResult, TrialArtifact> e : Pictures.artifacts(a).entrySet()) {
            VectorField f = e.getValue().field();
            if (f != null) {
                panels.put(e.getKey().selectedLabel(), f);
                if (withScore == null && f.hasScore()) {
                    withScore = f;
                }
            }
        }
        if (panels.isEmpty()) {
            return Optional.empty();
        }
        List<JFreeChart> charts = new ArrayList<>();
        for (Map.Entry<String, VectorField> e : panels.entrySet()) {
            charts.add(panel(e.getKey(), e.getValue(), e.getValue().u(), e.getValue().v(), ARROW));
        }
        if (withScore != null) {
            charts.add(panel("exact score d log p / dx", withScore, withScore.scoreU(), withScore.scoreV(), SCORE));
        }
        int cols = Math.min(3, charts.size());
        int rows = (charts.size() + cols - 1) / cols;
        int side = 300;
        VectorField first = panels.values().iterator().next();
        String caption = "Blue arrows: each selected model's r(x) − x (its reconstruction minus the input) at the centres "
                + "of a " + first.grid() + " × " + first.grid() + " grid over the test points (grey, the first "
                + first.dataX().length + ")" + (withScore == null ? "" : "; red, last panel: the exact score of the "
                + "data's density, which a DAE trained with small Gaussian noise approximates up to the factor σ²")
                + ". Each panel has its own scale: the arrow at the " + (int) Math.round(QUANTILE * 100)
                + "th percentile of its lengths spans " + TYPICAL_CELLS + " grid cells, and longer ones are shortened to "
                + MAX_CELLS + " cells; a near-identity model's tiny arrows are magnified as much as a denoiser's.";
        return Optional.of(Canvas.render(name, "Score field", caption, cols * side, rows * side, (g, w, h) -> {
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(g, new Rectangle2D.Double((i % cols) * side, (i / cols) * side, side, side));
            }
        }));
    }

    /**
     * The factor that maps vector lengths to plot units: the {@value #QUANTILE} quantile of the
     * nonzero lengths becomes {@value #TYPICAL_CELLS} cells of {@code cell}; 0 when all are zero.
     */
    static double scale(double[] u, double[] v, double cell) {
        double[] len = new double[u.length];
        int n = 0;
        for (int p = 0; p < u.length; p++) {
            double l = Math.hypot(u[p], v[p]);
            if (l > 0 && Double.isFinite(l)) {
                len[n++] = l;
            }
        }
        if (n == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(len, n);
        Arrays.sort(sorted);
        double q = sorted[Math.min(n - 1, (int) Math.floor(QUANTILE * (n - 1)))];
        return TYPICAL_CELLS * cell / q;
    }

    /** The arrows of one panel in plot units: nonzero finite vectors only, scaled and capped. */
    static VectorSeries arrows(VectorField f, double[] u, double[] v) {
        double cell = (f.x1() - f.x0()) / f.grid();
        double k = scale(u, v, cell);
        VectorSeries s = new VectorSeries("field", false, true);
        for (int p = 0; p < u.length; p++) {
            double l = Math.hypot(u[p], v[p]);
            if (!(l > 0) || !Double.isFinite(l)) {
                continue;
            }
            double shrink = Math.min(1, MAX_CELLS * cell / (k * l));
            s.add(f.x(p), f.y(p), u[p] * k * shrink, v[p] * k * shrink);
        }
        return s;
    }

    private static JFreeChart panel(String title, VectorField f, double[] u, double[] v, Color colour) {
        XYSeries data = new XYSeries("data", false, true);
        for (int i = 0; i < f.dataX().length; i++) {
            data.add(f.dataX()[i], f.dataY()[i]);
        }
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setDrawOutlines(false);
        dots.setSeriesPaint(0, DATA);
        dots.setSeriesShape(0, new Rectangle2D.Double(-1.2, -1.2, 2.4, 2.4));
        NumberAxis x = Axes.linear("x₁", false);
        NumberAxis y = Axes.linear("x₂", false);
        x.setRange(f.x0(), f.x1());
        y.setRange(f.y0(), f.y1());
        VectorSeriesCollection arrows = new VectorSeriesCollection();
        arrows.addSeries(arrows(f, u, v));
        XYPlot plot = new XYPlot(arrows, x, y, new Arrows(colour));
        plot.setDataset(1, new XYSeriesCollection(data));
        plot.setRenderer(1, dots);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE); // the data beneath
        Style.plot(plot);
        x.setAutoRange(false);
        y.setAutoRange(false);
        JFreeChart chart = Style.chart(null, plot, false);
        chart.setTitle(new TextTitle(title, Style.LABEL));
        return chart;
    }

    /**
     * JFreeChart's vector renderer, drawing each arrow as one stroked path (shaft and two barbs),
     * so that an arrow is one element of the SVG, in the panel's colour.
     */
    static final class Arrows extends VectorRenderer {
        private static final long serialVersionUID = 1L;
        private static final double BARB = 3.5;
        private final Color colour;

        Arrows(Color colour) {
            this.colour = colour;
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                             XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                             int item, CrosshairState crosshairState, int pass) {
            VectorXYDataset d = (VectorXYDataset) dataset;
            double x = d.getXValue(series, item);
            double y = d.getYValue(series, item);
            RectangleEdge xe = plot.getDomainAxisEdge();
            RectangleEdge ye = plot.getRangeAxisEdge();
            double sx = domainAxis.valueToJava2D(x, dataArea, xe);
            double sy = rangeAxis.valueToJava2D(y, dataArea, ye);
            double ex = domainAxis.valueToJava2D(x + d.getVectorXValue(series, item), dataArea, xe);
            double ey = rangeAxis.valueToJava2D(y + d.getVectorYValue(series, item), dataArea, ye);
            double len = Math.hypot(ex - sx, ey - sy);
            Path2D.Double p = new Path2D.Double();
            p.moveTo(sx, sy);
            p.lineTo(ex, ey);
            if (len > 0) {
                double ux = (ex - sx) / len;
                double uy = (ey - sy) / len;
                double b = Math.min(BARB, 0.45 * len);
                p.moveTo(ex - b * (ux + 0.6 * uy), ey - b * (uy - 0.6 * ux));
                p.lineTo(ex, ey);
                p.lineTo(ex - b * (ux - 0.6 * uy), ey - b * (uy + 0.6 * ux));
            }
            g2.setPaint(colour);
            g2.setStroke(new BasicStroke(1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g2.draw(p);
        }
    }
}
