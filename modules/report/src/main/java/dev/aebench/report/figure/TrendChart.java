package dev.aebench.report.figure;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * A trend over runs: one line per series (value against run number), with each series' change
 * points drawn as dashed vertical lines between the last run of the old level and the first of the
 * new, labelled with the relative shift. The data are plain numbers, so any module can draw a
 * history without this module knowing where it came from.
 */
public final class TrendChart {
    private TrendChart() {
    }

    /**
     * One line of the chart.
     *
     * @param label   legend text
     * @param values  value of each run (run 1 first)
     * @param changes indices (0-based) of the first run of each new level
     * @param shifts  the relative shift at each change (same order)
     */
    public record Line(String label, double[] values, List<Integer> changes, List<Double> shifts) {
        public Line {
            values = values.clone();
            changes = List.copyOf(changes);
            shifts = List.copyOf(shifts);
            if (changes.size() != shifts.size()) {
                throw new IllegalArgumentException("one shift per change");
            }
        }
    }

    /** The chart as a figure named {@code name} (file stem and SVG id prefix). */
    public static Figure render(String name, String title, String yLabel, String caption, List<Line> lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line l : lines) {
            XYSeries s = new XYSeries(l.label(), false);
            for (int i = 0; i < l.values().length; i++) {
                s.add(i + 1, l.values()[i]);
            }
            data.addSeries(s);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < lines.size(); i++) {
            r.setSeriesPaint(i, Style.color(i));
            r.setSeriesStroke(i, Style.LINE);
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        XYPlot plot = new XYPlot(data, Axes.linear("run", false), Axes.linear(yLabel, false), r);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            for (int c = 0; c < l.changes().size(); c++) {
                ValueMarker m = new ValueMarker(l.changes().get(c) + 0.5, Style.color(i),
                        new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
                m.setLabel(String.format(Locale.ROOT, "%+.1f%%", 100 * l.shifts().get(c)));
                m.setLabelFont(Style.SMALL);
                m.setLabelPaint(Style.INK);
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(m);
            }
        }
        Style.plot(plot);
        JFreeChart chart = Style.chart(title, plot, true);
        return Canvas.render(name, title, caption, 720, 400, (g, w, h) -> chart.draw(g, new Rectangle2D.Double(0, 0, w, h)));
    }
}
