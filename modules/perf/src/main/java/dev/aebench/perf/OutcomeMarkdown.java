package dev.aebench.perf;

import java.util.Locale;

/**
 * A gate's outcome as a Markdown table, ready for a CI job summary or a pull-request comment: a
 * heading with the verdict, one line on what was compared on which machine, one row per family
 * (failing rows in bold) and the failure lines.
 */
public final class OutcomeMarkdown {
    private OutcomeMarkdown() {
    }

    public static String toMarkdown(GateOutcome o) {
        StringBuilder s = new StringBuilder();
        long failed = o.families().stream().filter(FamilyOutcome::failed).count();
        s.append("### aebench perf ").append(o.command()).append(": ")
                .append(o.passed() ? "passed" : "FAILED (" + failed + " of " + o.families().size() + " families)").append("\n\n");
        s.append(String.format(Locale.ROOT, "%s workload; `%s` against %s; CPU class `%s` (%s, %s, kernels %s). "
                        + "A family fails when p(slower) < %s and its ratio is more than %s above; loss tolerance %s.%n%n",
                o.mode(), shortCommit(o.commit()), escape(o.reference()), o.cpuClass(), escape(o.machine()), escape(o.jdk()), o.kernels(),
                trim(o.alpha()), PerfCheck.percent(o.threshold()), trim(o.lossTolerance())));
        int conf = (int) Math.round(100 * GateOutcome.confidenceFor(o.alpha()));
        s.append("| family | reference ratio | now ratio | change | now / reference (").append(conf)
                .append("% CI) | p(slower) | speed | final loss | quality |\n");
        s.append("|---|---:|---:|---:|---:|---:|---|---:|---|\n");
        for (FamilyOutcome f : o.families()) {
            String b = f.failed() ? "**" : "";
            s.append("| ").append(b).append(f.family()).append(b)
                    .append(" | ").append(f("%.4f", f.baseRatio()))
                    .append(" | ").append(f("%.4f", f.nowRatio()))
                    .append(" | ").append(b).append(f("%+.1f%%", 100 * f.change())).append(b)
                    .append(" | ").append(interval(f.interval()))
                    .append(" | ").append(Double.isNaN(f.pSlower()) ? "-" : f.pSlower() < 1e-4 ? f("%.1e", f.pSlower()) : f("%.4f", f.pSlower()))
                    .append(" | ").append(b).append(f.speed().label()).append(b)
                    .append(" | ").append(f("%.7g", f.nowLoss()))
                    .append(" | ").append(b).append(f.quality().label()).append(b)
                    .append(" |\n");
        }
        for (FamilyOutcome f : o.families()) {
            if (f.failed()) {
                s.append("\n- **FAILED**: ").append(escape(f.failure()));
            }
        }
        if (failed > 0) {
            s.append("\n");
        }
        for (String n : o.notes()) {
            s.append("\n> ").append(escape(n));
        }
        if (!o.notes().isEmpty()) {
            s.append("\n");
        }
        return s.toString();
    }

    /** {@code 1.012 [0.981, 1.043]}. */
    static String interval(RatioInterval i) {
        return Double.isFinite(i.estimate()) ? String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.estimate(), i.low(), i.high()) : "-";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String shortCommit(String c) {
        return c.length() > 12 ? c.substring(0, 12) + (c.endsWith("-dirty") ? "-dirty" : "") : c;
    }

    private static String trim(double v) {
        String t = String.format(Locale.ROOT, "%.6g", v);
        return t.contains("e") || !t.contains(".") ? t : t.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String f(String format, double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "-";
    }
}
