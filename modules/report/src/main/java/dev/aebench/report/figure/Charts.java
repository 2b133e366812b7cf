package dev.aebench.report.figure;

import dev.aebench.core.metric.Better;
import dev.aebench.report.analysis.Analysis;
import dev.aebench.report.analysis.BlockResult;
import dev.aebench.report.analysis.ConfigResult;
import dev.aebench.report.analysis.SweepAxis;
import dev.aebench.report.stats.Sample;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The report's charts, drawn with JFreeChart: a block's sweep (selection and test metrics against
 * the swept hyperparameter, mean and standard deviation over seeds), time against quality with
 * the Pareto front, and curves over seeds (loss curves or any list metric) as mean and band.
 */
public final class Charts {
    private static final String[] SWEEP_METRICS = {"test_mse", "probe_acc", "noisy_test_mse", "knn_acc",
            "jacobian_fro_mean", "saturation"};

    private Charts() {
    }

    /** Seeds' mean and sd of a block's selection and test metrics against its (first) swept hyperparameter. */
    public static Optional<Figure> sweep(Analysis a, BlockResult b, String name) {
        if (!b.isSweep()) {
            return Optional.empty();
        }
        List<String> ms = new ArrayList<>();
        ms.add(a.folder().select());
        for (String m : SWEEP_METRICS) {
            if (a.metrics().contains(m) && !ms.contains(m)) {
                ms.add(m);
            }
        }
        ms.removeIf(m -> b.configs().stream().allMatch(c -> c.metric(m).isEmpty()));
        if (ms.isEmpty()) {
            return Optional.empty();
        }
        SweepAxis axis = b.axes().size() == 1 && b.axes().get(0).numeric() ? b.axes().get(0) : null;
        double[] xs = new double[b.configs().size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = axis == null ? i : axis.numbers()[i];
        }
        ValueAxis domain = axis == null
                ? Axes.symbols("configuration", b.configs().stream().map(c -> c.varying().isEmpty() ? c.configId() : c.varying()).toList())
                : axis.geometric() ? Axes.log(axis.title()) : Axes.linear(axis.title(), false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(domain);
        plot.setGap(8);
        Color color = Style.color(b.index());
        for (String m : ms) {
            YIntervalSeries s = new YIntervalSeries(m);
            for (int i = 0; i < xs.length; i++) {
                Sample v = b.configs().get(i).metric(m);
                if (!v.isEmpty()) {
                    double sd = Double.isNaN(v.sd()) ? 0 : v.sd();
                    s.add(xs[i], v.mean(), v.mean() - sd, v.mean() + sd);
                }
            }
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            data.addSeries(s);
            XYErrorRenderer r = new XYErrorRenderer();
            r.setDefaultLinesVisible(true);
            r.setSeriesPaint(0, color);
            r.setSeriesStroke(0, Style.LINE);
            r.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            r.setErrorPaint(color);
            r.setCapLength(6);
            r.setDrawXError(false);
            String label = m + (m.equals(a.folder().select()) ? " (selection)" : "") + arrow(a.better(m));
            XYPlot sub = new XYPlot(data, null, Axes.linear(label, false), r);
            Style.plot(sub);
            if (b.selected() != null) {
                ValueMarker marker = new ValueMarker(xs[b.selectedIndex()], new Color(0x555555),
                        new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
                sub.addDomainMarker(marker);
            }
            plot.add(sub, 1);
        }
        Style.plot(plot);
        JFreeChart chart = Style.chart(b.label() + ": sweep", plot, false);
        int height = 70 + 150 * ms.size();
        String caption = "Mean ± sd over seeds for each configuration of " + b.label()
                + (axis == null ? "" : " against " + axis.title() + (axis.geometric() ? " (log axis)" : ""))
                + "; the dashed line marks the configuration selected on " + a.folder().select() + ".";
        return Optional.of(Canvas.render(name, b.label() + " sweep", caption, 640, height,
                (g, w, h) -> chart.draw(g, new Rectangle2D.Double(0, 0, w, h))));
    }

    static String arrow(Better b) {
        return b == Better.HIGHER ? " ↑" : b == Better.LOWER ? " ↓" : "";
    }

    /** Quality against seconds per epoch for each selection, the Pareto front (faster and better) drawn through. */
    public static Optional<Figure> timeVsQuality(Analysis a, String name) {
        String time = "sec_per_epoch";
        String quality = a.metrics().contains("probe_acc") ? "probe_acc" : "test_mse";
        boolean higher = a.better(quality) == Better.HIGHER;
        List<BlockResult> pts = a.selectedBlocks().stream()
                .filter(b -> !b.selected().metric(time).isEmpty() && !b.selected().metric(quality).isEmpty()).toList();
        if (pts.size() < 2) {
            return Optional.empty();
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        for (BlockResult b : pts) {
            Sample t = b.selected().metric(time);
            Sample q = b.selected().metric(quality);
            double st = Double.isNaN(t.sd()) ? 0 : t.sd();
            double sq = Double.isNaN(q.sd()) ? 0 : q.sd();
            XYIntervalSeries s = new XYIntervalSeries(b.selectedLabel());
            s.add(t.mean(), t.mean() - st, t.mean() + st, q.mean(), q.mean() - sq, q.mean() + sq);
            data.addSeries(s);
        }
        List<BlockResult> front = pareto(pts, time, quality, higher);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDefaultLinesVisible(false);
        for (int i = 0; i < pts.size(); i++) {
            Color c = Style.color(pts.get(i).index());
            r.setSeriesPaint(i, c);
            r.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
        }
        r.setCapLength(4);
        XYPlot plot = new XYPlot(data, Axes.forValues("seconds per epoch (mean ± sd)", pts.stream()
                .mapToDouble(b -> b.selected().metric(time).mean()).toArray(), 10),
                Axes.linear(quality + arrow(a.better(quality)), false), r);
        XYSeries line = new XYSeries("Pareto front", false);
        for (BlockResult b : front) {
            line.add(b.selected().metric(time).mean(), b.selected().metric(quality).mean());
        }
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
        lr.setSeriesPaint(0, new Color(0x444444));
        lr.setSeriesStroke(0, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        plot.setDataset(1, new XYSeriesCollection(line));
        plot.setRenderer(1, lr);
        for (BlockResult b : pts) {
            XYTextAnnotation t = new XYTextAnnotation((front.contains(b) ? "◆ " : "") + b.label(),
                    b.selected().metric(time).mean(), b.selected().metric(quality).mean());
            t.setFont(Style.SMALL);
            t.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            t.setPaint(Style.INK);
            plot.addAnnotation(t);
        }
        Style.plot(plot);
        JFreeChart chart = Style.chart("Time vs quality", plot, true);
        String caption = "Each block's selected configuration: " + quality + " against seconds per epoch (mean ± sd over seeds). "
                + "The dashed line joins the Pareto front (◆): no other selection is both faster and "
                + (higher ? "higher." : "lower.");
        return Optional.of(Canvas.render(name, "Time vs quality", caption, 720, 480,
                (g, w, h) -> chart.draw(g, new Rectangle2D.Double(0, 0, w, h))));
    }

    static List<BlockResult> pareto(List<BlockResult> pts, String time, String quality, boolean higher) {
        List<BlockResult> sorted = new ArrayList<>(pts);
        sorted.sort(Comparator.comparingDouble((BlockResult b) -> b.selected().metric(time).mean())
                .thenComparingInt(BlockResult::index));
        List<BlockResult> front = new ArrayList<>();
        double bestQ = Double.NaN;
        for (BlockResult b : sorted) {
            double q = b.selected().metric(quality).mean();
            if (front.isEmpty() || (higher ? q > bestQ : q < bestQ)) {
                front.add(b);
                bestQ = q;
            }
        }
        return front;
    }

    /** A list metric per selection: mean over seeds and a ±sd band, against its index (from 1). */
    public static Optional<Figure> curves(Analysis a, String metric, String name, String title, String xLabel) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<BlockResult> shown = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (BlockResult b : a.selectedBlocks()) {
            List<List<Double>> per = b.selected().curves().get(metric);
            if (per == null || per.isEmpty()) {
                continue;
            }
            int len = per.stream().mapToInt(List::size).min().orElse(0);
            YIntervalSeries s = new YIntervalSeries(b.selectedLabel());
            for (int i = 0; i < len; i++) {
                double sum = 0;
                double sq = 0;
                int n = 0;
                for (List<Double> c : per) {
                    double v = c.get(i);
                    if (Double.isFinite(v)) {
                        sum += v;
                        sq += v * v;
                        n++;
                    }
                }
                if (n == 0) {
                    continue;
                }
                double mean = sum / n;
                double sd = n < 2 ? 0 : Math.sqrt(Math.max(0, (sq - n * mean * mean) / (n - 1)));
                s.add(i + 1, mean, mean - sd, mean + sd);
                all.add(mean - sd);
                all.add(mean + sd);
            }
            if (s.getItemCount() > 0) {
                data.addSeries(s);
                shown.add(b);
            }
        }
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        DeviationRenderer r = new DeviationRenderer(true, shown.stream().allMatch(b -> data.getItemCount(0) <= 25));
        r.setAlpha(0.18f);
        for (int i = 0; i < shown.size(); i++) {
            Color c = Style.color(shown.get(i).index());
            r.setSeriesPaint(i, c);
            r.setSeriesFillPaint(i, c);
            r.setSeriesStroke(i, Style.LINE);
            r.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        double[] range = all.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0).toArray();
        boolean positive = range.length == all.size();
        ValueAxis y = positive ? Axes.forValues(metric, range, 20) : Axes.linear(metric, false);
        XYPlot plot = new XYPlot(data, Axes.linear(xLabel, false), y, r);
        Style.plot(plot);
        JFreeChart chart = Style.chart(title, plot, true);
        String caption = title + " of each selected configuration: mean over seeds, band ± sd"
                + (y instanceof org.jfree.chart.axis.LogAxis ? " (log axis)." : ".");
        return Optional.of(Canvas.render(name, title, caption, 720, 440,
                (g, w, h) -> chart.draw(g, new Rectangle2D.Double(0, 0, w, h))));
    }

    /** Scalar metrics sharing a prefix (such as {@code robust_}) side by side for each selection, mean ± sd. */
    public static Optional<Figure> metricFamily(Analysis a, List<String> metrics, String name, String title) {
        if (metrics.isEmpty()) {
            return Optional.empty();
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<BlockResult> shown = new ArrayList<>();
        int k = a.selectedBlocks().size();
        int bi = 0;
        for (BlockResult b : a.selectedBlocks()) {
            YIntervalSeries s = new YIntervalSeries(b.selectedLabel());
            for (int i = 0; i < metrics.size(); i++) {
                Sample v = b.selected().metric(metrics.get(i));
                if (!v.isEmpty()) {
                    double sd = Double.isNaN(v.sd()) ? 0 : v.sd();
                    double x = i + (bi - (k - 1) / 2.0) * 0.6 / Math.max(1, k);
                    s.add(x, v.mean(), v.mean() - sd, v.mean() + sd);
                }
            }
            bi++;
            if (s.getItemCount() > 0) {
                data.addSeries(s);
                shown.add(b);
            }
        }
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDefaultLinesVisible(false);
        for (int i = 0; i < shown.size(); i++) {
            r.setSeriesPaint(i, Style.color(shown.get(i).index()));
            r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        r.setCapLength(4);
        XYPlot plot = new XYPlot(data, Axes.symbols("metric", metrics), Axes.linear("value (mean ± sd)", false), r);
        Style.plot(plot);
        JFreeChart chart = Style.chart(title, plot, true);
        return Optional.of(Canvas.render(name, title, title + " of each selected configuration, mean ± sd over seeds.",
                Math.max(560, 140 * metrics.size()), 440, (g, w, h) -> chart.draw(g, new Rectangle2D.Double(0, 0, w, h))));
    }

    /** Used by the scatter panels: the selection's first ok trial id. */
    static Optional<String> firstOk(ConfigResult c) {
        return c.ok().stream().findFirst().map(r -> r.id());
    }
}
