package dev.aebench.report.figure;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/** Axes with locale-independent tick labels, so that the same results give the same bytes everywhere. */
final class Axes {
    private Axes() {
    }

    static NumberAxis linear(String label, boolean includeZero) {
        NumberAxis a = new NumberAxis(label);
        a.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        a.setAutoRangeIncludesZero(includeZero);
        Style.axis(a);
        return a;
    }

    static LogAxis log(String label) {
        LogAxis a = new LogAxis(label);
        a.setNumberFormatOverride(new DecimalFormat("0.##E0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        a.setSmallestValue(1e-300);
        Style.axis(a);
        return a;
    }

    static SymbolAxis symbols(String label, List<String> names) {
        SymbolAxis a = new SymbolAxis(label, names.toArray(String[]::new));
        a.setGridBandsVisible(false);
        Style.axis(a);
        return a;
    }

    /** Log when every value is positive and they span at least a factor {@code span}. */
    static ValueAxis forValues(String label, double[] values, double span) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > 0 && max / min >= span) {
            return log(label);
        }
        return linear(label, false);
    }
}
