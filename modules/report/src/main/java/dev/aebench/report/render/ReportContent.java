package dev.aebench.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.metric.Better;
import dev.aebench.core.metric.MetricDescription;
import dev.aebench.report.analysis.Analysis;
import dev.aebench.report.analysis.BlockResult;
import dev.aebench.report.analysis.Comparison;
import dev.aebench.report.analysis.ConfigResult;
import dev.aebench.report.analysis.ProvenanceSummary;
import dev.aebench.report.figure.Charts;
import dev.aebench.report.figure.Figure;
import dev.aebench.report.figure.Pictures;
import dev.aebench.report.figure.Quiver;
import dev.aebench.report.results.PlanEntry;
import dev.aebench.report.stats.Sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes the report's content, in order: what was asked and the protocol with provenance; the
 * result table; significance; each block's sweep; the figures; the comparison with Rifai et al.
 * (2011). Collects the figures it places, for the writer to save.
 */
final class ReportContent {
    /** Rifai et al. (2011), Table 1: MNIST test error, best first, as published. */
    private static final List<String[]> RIFAI = List.of(new String[] {"CAE", "cae"}, new String[] {"DAE-g", "dae-gaussian"},
            new String[] {"RBM-binary", null}, new String[] {"DAE-b", "dae-mask"}, new String[] {"AE+wd", "ae+l2"},
            new String[] {"AE", "ae"});

    private static final String FINETUNE_ACC = "finetune_acc";

    private final Analysis a;
    private final Doc doc;
    private final List<Figure> figures = new ArrayList<>();
    private int notesAt;

    private ReportContent(Analysis a) {
        this.a = a;
        this.doc = new Doc(a.folder().experiment() + ": comparison report");
    }

    static ReportContent build(Analysis a) {
        ReportContent c = new ReportContent(a);
        c.asked();
        c.results();
        c.significance();
        c.sweeps();
        c.figures();
        c.rifai();
        c.notes();
        return c;
    }

    Doc doc() {
        return doc;
    }

    List<Figure> figuresPlaced() {
        return figures;
    }

    private void place(Optional<Figure> f) {
        f.ifPresent(x -> {
            figures.add(x);
            doc.figure(x);
        });
    }

    // 1. what was asked, protocol, provenance
    private void asked() {
        doc.h(2, "What was asked");
        if (a.folder().description() != null) {
            doc.p(a.folder().description().replaceAll("\\s*\\n\\s*", " "));
        } else {
            doc.p("The experiment file has no `description:`.");
        }
        doc.h(3, "Protocol");
        List<String> items = new ArrayList<>();
        JsonNode data = a.folder().data();
        int train = data == null ? 0 : data.path("train_images").asInt(0);
        int v = a.folder().validation();
        String dataDir = data == null ? "?" : data.path("dir").asText("?");
        items.add("Data: `" + dataDir.substring(dataDir.lastIndexOf('/') + 1) + "` (" + train + " training images of "
                + (data == null ? "?" : data.path("height").asInt() + "×" + data.path("width").asInt()) + ", fingerprint `"
                + (data == null ? "?" : data.path("fingerprint").asText("?")) + "`).");
        if (v > 0) {
            items.add("Split: models and probes train on the first " + (train - v) + " training images; the last " + v
                    + " are the validation split; the test set only reports.");
            items.add("Selection: per block, the configuration with the " + (a.better(a.folder().select()) == Better.HIGHER
                    ? "highest" : "lowest") + " mean `" + a.folder().select() + "` over seeds on the validation split.");
        } else {
            items.add("Split: no validation split; models train on all " + train
                    + " training images, and a block with several configurations has no selection.");
        }
        TreeSet<Integer> epochs = new TreeSet<>();
        TreeSet<Long> seeds = new TreeSet<>();
        boolean probe = false;
        for (PlanEntry e : a.folder().entries()) {
            epochs.add(e.epochs());
            seeds.add(e.seed());
            probe |= e.probe();
        }
        items.add("Epochs: " + epochs.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + "; seeds: " + seeds.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
        items.add(probe ? "Probe: a linear classifier trained on the frozen codes of the training split"
                + " (`probe_acc` on the test codes" + (v > 0 ? ", `val_probe_acc` on the validation codes" : "") + ")."
                : "Probe: not run.");
        TreeSet<String> tuned = new TreeSet<>();
        for (var r : a.folder().records().values()) {
            String e = r.provenance() == null ? "" : r.provenance().path("config").path("finetune").asText("");
            if (!e.isEmpty()) {
                tuned.add(e);
            }
        }
        if (!tuned.isEmpty()) {
            items.add("Fine-tuning (Rifai et al.'s protocol): each trained encoder, copied, with a softmax layer on its code, "
                    + "trained end to end with cross-entropy (Adam) on the training split for " + String.join(", ", tuned)
                    + " epoch" + (tuned.size() == 1 && tuned.first().equals("1") ? "" : "s") + " (`finetune_acc` on the test set"
                    + (v > 0 ? ", `finetune_val_acc` on the validation split" : "") + "; nothing chosen on either).");
        }
        for (BlockResult b : a.blocks()) {
            ConfigResult first = b.configs().get(0);
            String sweep = b.axes().isEmpty() ? "" : "; sweeps " + b.axes().stream()
                    .map(x -> "`" + x.param() + "` over " + String.join(", ", new java.util.LinkedHashSet<>(x.values())))
                    .collect(Collectors.joining("; "));
            items.add("Block **" + b.label() + "**: model `" + b.model() + "`, " + b.configs().size() + " configuration"
                    + (b.configs().size() == 1 ? "" : "s") + " × " + first.planned() + " seed" + (first.planned() == 1 ? "" : "s")
                    + sweep + ".");
        }
        doc.bullets(items);

        doc.h(3, "Provenance");
        ProvenanceSummary p = a.provenance();
        List<String> prov = new ArrayList<>();
        prov.add("Commit: " + codes(p.commits()));
        prov.add("JDK: " + plain(p.jdks()) + "; CPU: " + plain(p.cpus()) + "; kernels: " + codes(p.kernels())
                + "; threads per trial: " + plain(p.threads()) + ".");
        prov.add("Data fingerprint (as recorded by trials): " + codes(p.data()));
        prov.add("Trials started " + (p.firstStart() == null ? "?" : p.firstStart()) + " to "
                + (p.lastStart() == null ? "?" : p.lastStart()) + "; total compute " + Numbers.duration(p.computeSec())
                + " (sum of the trials' wall times).");
        prov.add("Trials: " + a.planned() + " planned, " + a.ok() + " ok, " + a.failed() + " failed, " + a.diverged()
                + " diverged, " + a.pending() + " pending.");
        doc.bullets(prov);
        notesAt = doc.size();
    }

    /**
     * What was tolerated while reading, placed after the provenance once every figure is drawn:
     * an unreadable artifact is only found when a figure reads it.
     */
    private void notes() {
        List<String> notes = new ArrayList<>(a.folder().notes());
        if (!a.unknownMetrics().isEmpty()) {
            notes.add("Metrics this version does not describe (shown without unit or direction): "
                    + a.unknownMetrics().stream().map(m -> "`" + m + "`").collect(Collectors.joining(", ")) + ".");
        }
        if (!notes.isEmpty()) {
            doc.insert(notesAt, d -> {
                d.p("**Read with care:**");
                d.bullets(notes);
            });
        }
    }

    private static String codes(List<String> values) {
        return values.isEmpty() ? "not recorded" : values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "));
    }

    private static String plain(List<String> values) {
        return values.isEmpty() ? "not recorded" : String.join(", ", values);
    }

    // 2. result table
    private void results() {
        doc.h(2, "Results");
        List<BlockResult> sel = a.selectedBlocks();
        if (sel.isEmpty()) {
            doc.p("No block has a selected configuration with results yet.");
        } else {
            doc.p("Each block's selected configuration: mean ± sd (n ok seeds) of every numeric metric. **Bold**: "
                    + "the best of its row, and significantly better than the runner-up (Welch's t-test, p < "
                    + Analysis.ALPHA + ", uncorrected); ↑ higher is better, ↓ lower is better.");
            List<String> head = new ArrayList<>(List.of("metric", "unit"));
            sel.forEach(b -> head.add(b.selectedLabel()));
            boolean[] numeric = new boolean[head.size()];
            for (int i = 2; i < numeric.length; i++) {
                numeric[i] = true;
            }
            List<List<String>> rows = new ArrayList<>();
            for (String m : a.metrics()) {
                Optional<MetricDescription> d = a.describe(m);
                List<String> row = new ArrayList<>();
                row.add("`" + m + "`" + arrow(a.better(m)));
                row.add(d.map(MetricDescription::unit).orElse("?"));
                Optional<Integer> best = a.bestBlock(m);
                for (BlockResult b : sel) {
                    String cell = Numbers.meanSd(b.selected().metric(m));
                    row.add(best.isPresent() && best.get() == b.index() ? "**" + cell + "**" : cell);
                }
                rows.add(row);
            }
            doc.table(head, numeric, rows);
        }
        List<String> states = new ArrayList<>();
        for (BlockResult b : a.blocks()) {
            if (b.selected() == null) {
                states.add("**" + b.label() + "**: no configuration selected (no ok trial with `" + a.folder().select()
                        + "`" + (a.folder().validation() > 0 ? "" : ", or no validation split") + ").");
            }
            for (ConfigResult c : b.configs()) {
                if (c.failed() + c.diverged() + c.pending() > 0) {
                    states.add("**" + c.describe() + "**: " + c.ok().size() + " ok, " + c.failed() + " failed, "
                            + c.diverged() + " diverged, " + c.pending() + " pending"
                            + (c.errors().isEmpty() ? "" : " (" + String.join("; ", c.errors()) + ")") + ".");
                }
            }
        }
        if (!states.isEmpty()) {
            doc.p("Trials not in the table:");
            doc.bullets(states);
        } else {
            doc.p("Every planned trial finished ok.");
        }
    }

    private static String arrow(Better b) {
        return b == Better.HIGHER ? " ↑" : b == Better.LOWER ? " ↓" : "";
    }

    // 3. significance
    private void significance() {
        doc.h(2, "Significance");
        if (a.comparisons().isEmpty()) {
            doc.p("No comparison possible: it needs a selected plain `ae` block (or a CAE and a DAE block) and another "
                    + "selected block with results.");
            return;
        }
        doc.p("Each block's selection against the plain `ae` baseline, and each CAE against each DAE, on every "
                + "metric but times, counts and the validation figures that made the selection: Welch's t-test (two-sided), "
                + "p-values Holm-corrected within each metric's family of comparisons, effect size Cohen's d = "
                + "(mean A − mean B) / √((sd A² + sd B²) / 2).");
        List<List<String>> rows = new ArrayList<>();
        for (Comparison c : a.comparisons()) {
            Sample x = c.a().selected().metric(c.metric());
            Sample y = c.b().selected().metric(c.metric());
            boolean sig = !Double.isNaN(c.pHolm()) && c.pHolm() < Analysis.ALPHA;
            rows.add(List.of(c.a().label() + " vs " + c.b().label(), "`" + c.metric() + "`", Numbers.sig(x.mean()),
                    Numbers.sig(y.mean()), Numbers.sig(x.mean() - y.mean()), Numbers.fixed(c.test().t(), 2),
                    Numbers.fixed(c.test().df(), 1), Numbers.p(c.test().p()),
                    sig ? "**" + Numbers.p(c.pHolm()) + "**" : Numbers.p(c.pHolm()), Numbers.fixed(c.test().d(), 2)));
        }
        doc.table(List.of("comparison", "metric", "mean A", "mean B", "A − B", "t", "df", "p", "p (Holm)", "d"),
                new boolean[] {false, false, true, true, true, true, true, true, true, true}, rows);
        int n = a.selectedBlocks().stream().mapToInt(b -> b.selected().ok().size()).min().orElse(0);
        doc.p("**Bold**: p (Holm) < " + Analysis.ALPHA + ". With n = " + n + " seed" + (n == 1 ? "" : "s")
                + " per side, a test can only detect differences that are large next to the seed-to-seed spread "
                + "(about |d| > 3 at n = 3); a non-significant result is no evidence of equal performance, the "
                + "estimated d is itself very uncertain, and the seeds vary only the initialisation and batch order, not "
                + "the data split. Differences between blocks on the validation figures are biased upward by the "
                + "selection and are not tested.");
    }

    // 4. sweeps
    private void sweeps() {
        List<BlockResult> sw = a.blocks().stream().filter(BlockResult::isSweep).toList();
        if (sw.isEmpty()) {
            return;
        }
        doc.h(2, "Sweeps");
        String select = a.folder().select();
        List<String> ms = new ArrayList<>(List.of(select));
        for (String m : List.of("test_mse", "probe_acc", FINETUNE_ACC, "sec_per_epoch")) {
            if (a.metrics().contains(m) && !ms.contains(m)) {
                ms.add(m);
            }
        }
        for (BlockResult b : sw) {
            doc.h(3, b.label());
            List<String> head = new ArrayList<>(List.of("configuration", "ok / planned"));
            ms.forEach(m -> head.add("`" + m + "`" + arrow(a.better(m))));
            boolean[] numeric = new boolean[head.size()];
            for (int i = 1; i < numeric.length; i++) {
                numeric[i] = true;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ConfigResult c : b.configs()) {
                List<String> row = new ArrayList<>();
                String label = c.varying().isEmpty() ? c.configId() : c.varying();
                row.add(c == b.selected() ? "**" + label + "** (selected)" : label);
                row.add(c.ok().size() + " / " + c.planned());
                ms.forEach(m -> row.add(Numbers.meanSd(c.metric(m))));
                rows.add(row);
            }
            doc.table(head, numeric, rows);
            for (String w : b.edgeWarnings()) {
                doc.p("**Edge of the grid:** " + w + ".");
            }
            place(Charts.sweep(a, b, "sweep-" + Doc.anchor(b.label())));
        }
    }

    // 5. figures
    private void figures() {
        doc.h(2, "Figures");
        place(Charts.timeVsQuality(a, "time-vs-quality"));
        place(Charts.curves(a, "loss_curve", "loss-curves", "Training loss", "epoch"));
        place(Pictures.reconstructions(a, "reconstructions"));
        place(Pictures.denoising(a, "denoising"));
        place(Pictures.codes(a, "codes"));
        place(Quiver.scoreField(a, "score-field"));
        Map<String, String[]> known = new LinkedHashMap<>();
        known.put("jacobian_spectrum", new String[] {"Jacobian spectrum", "singular value index"});
        known.put("contraction_curve", new String[] {"Contraction curve", "radius index"});
        for (String c : a.curves()) {
            if (c.equals("loss_curve")) {
                continue;
            }
            String[] t = known.getOrDefault(c, new String[] {c.startsWith("robust") ? "Robustness: " + c
                    : c.contains("fro") ? "||J||_F distribution: " + c : c, "index"});
            place(Charts.curves(a, c, "curve-" + Doc.anchor(c), t[0], t[1]));
        }
        List<String> robust = a.metrics().stream().filter(m -> m.startsWith("robust_")).sorted().toList();
        place(Charts.metricFamily(a, robust, "robustness", "Robustness"));
    }

    // 6. Rifai et al.
    private void rifai() {
        List<BlockResult> sel = a.selectedBlocks();
        if (sel.isEmpty()) {
            return;
        }
        doc.h(2, "Compared with Rifai et al. (2011)");
        boolean tuned = a.metrics().contains(FINETUNE_ACC);
        doc.p("Rifai et al., *Contractive auto-encoders: explicit invariance during feature extraction* (ICML 2011), "
                + "Table 1 ranks the models by test classification error on MNIST, best first: CAE, DAE-g, RBM-binary, "
                + "DAE-b, AE+wd, AE. Their protocol differs from this one: MNIST, and an MLP initialised with the "
                + "features and fine-tuned; here Fashion-MNIST (or the data above), a linear probe on frozen codes"
                + (tuned ? " and, closer to theirs, each encoder fine-tuned with a softmax layer (`finetune_acc`)" : "")
                + ". So only the ordering is comparable, not the numbers.");
        List<BlockResult> ranked = rankedBy(sel, "probe_acc");
        List<BlockResult> tunedRanked = rankedBy(sel, FINETUNE_ACC);
        List<List<String>> rows = new ArrayList<>();
        for (BlockResult b : sel) {
            int ours = ranked.indexOf(b);
            int rank = rifaiRank(b);
            List<String> row = new ArrayList<>(List.of(b.selectedLabel(), Numbers.meanSd(b.selected().metric("probe_acc"))));
            if (tuned) {
                row.add(Numbers.meanSd(b.selected().metric(FINETUNE_ACC)));
            }
            row.addAll(List.of(Numbers.meanSd(b.selected().metric("jacobian_norm_mean")),
                    Numbers.meanSd(b.selected().metric("saturation")), ours < 0 ? "–" : Integer.toString(ours + 1)));
            if (tuned) {
                int t = tunedRanked.indexOf(b);
                row.add(t < 0 ? "–" : Integer.toString(t + 1));
            }
            row.add(rank < 0 ? "–" : RIFAI.get(rank)[0]);
            row.add(rank < 0 ? "–" : Integer.toString(rank + 1));
            rows.add(row);
        }
        List<String> head = new ArrayList<>(List.of("model", "probe accuracy"));
        if (tuned) {
            head.add("fine-tuned accuracy");
        }
        head.addAll(List.of("‖J‖_F", "saturation", tuned ? "our rank (probe)" : "our rank"));
        if (tuned) {
            head.add("our rank (fine-tuned)");
        }
        head.addAll(List.of("Rifai et al. model", "their rank (of 6)"));
        boolean[] numeric = new boolean[head.size()];
        Arrays.fill(numeric, true);
        numeric[0] = false;
        numeric[head.size() - 2] = false;
        doc.table(head, numeric, rows);
        if (tuned) {
            doc.p(orderingStatement(tunedRanked));
        }
        if (!a.metrics().contains("jacobian_norm_mean") || !a.metrics().contains("saturation")) {
            doc.p("‖J‖_F (`jacobian_norm_mean`) and saturation (`saturation`) are shown when the results hold them; "
                    + "these results do not" + (a.metrics().contains("jacobian_norm_mean") || a.metrics().contains("saturation")
                    ? " hold both." : "."));
        }
    }

    /** The selections with {@code metric}, best (highest mean) first, ties in block order. */
    private static List<BlockResult> rankedBy(List<BlockResult> sel, String metric) {
        List<BlockResult> ranked = new ArrayList<>(sel.stream().filter(b -> !b.selected().metric(metric).isEmpty()).toList());
        ranked.sort(Comparator.comparingDouble((BlockResult b) -> -b.selected().metric(metric).mean())
                .thenComparingInt(BlockResult::index));
        return ranked;
    }

    /** The index of the Rifai et al. row a block stands for (by its label), or -1. */
    private static int rifaiRank(BlockResult b) {
        for (int i = 0; i < RIFAI.size(); i++) {
            String ours = RIFAI.get(i)[1];
            if (ours != null && (b.label().equals(ours) || b.label().startsWith(ours + " "))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The fine-tuned ordering of the blocks that stand for a Rifai et al. model, next to theirs,
     * and on how many of the pairs the two agree.
     */
    static String orderingStatement(List<BlockResult> tunedRanked) {
        List<BlockResult> matched = tunedRanked.stream().filter(b -> rifaiRank(b) >= 0).toList();
        if (matched.size() < 2) {
            return "Fewer than two of the selected blocks stand for a model of Rifai et al.'s Table 1 (by label: "
                    + "cae, dae-gaussian, dae-mask, ae+l2, ae), so there is no fine-tuned ordering to compare.";
        }
        List<BlockResult> theirs = new ArrayList<>(matched);
        theirs.sort(Comparator.comparingInt(ReportContent::rifaiRank));
        int agree = 0;
        int pairs = 0;
        for (int i = 0; i < matched.size(); i++) {
            for (int j = i + 1; j < matched.size(); j++) {
                pairs++;
                if (rifaiRank(matched.get(i)) < rifaiRank(matched.get(j))) {
                    agree++; // i is ahead of j in ours (by fine-tuned accuracy) and in theirs
                }
            }
        }
        String ours = matched.stream().map(b -> RIFAI.get(rifaiRank(b))[0] + " (" + b.label() + ", "
                + Numbers.sig(b.selected().metric(FINETUNE_ACC).mean()) + ")").collect(Collectors.joining(" > "));
        String published = theirs.stream().map(b -> RIFAI.get(rifaiRank(b))[0]).collect(Collectors.joining(" > "));
        return "**Fine-tuned ordering** (mean `" + FINETUNE_ACC + "`, best first): " + ours + ". Rifai et al.'s ordering "
                + "of the same models: " + published + ". The two agree on " + agree + " of " + pairs + " pairs"
                + (agree == pairs ? " (the same order)" : "") + "; differences between means smaller than their seeds' "
                + "spread (the table above) are not evidence of an order.";
    }
}
