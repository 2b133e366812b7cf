package dev.aebench.runner.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aebench.core.result.JsonLines;
import dev.aebench.runner.experiment.Selection;
import dev.aebench.runner.plan.DataSource;
import dev.aebench.runner.plan.Plan;
import dev.aebench.runner.plan.PlannedTrial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummarizerTest {
    private static final DataSource DATA = new DataSource(Path.of("/d"), "fp", 100, 8, 8);

    private static PlannedTrial trial(String id, int block, String label, String config, String varying, long seed) {
        return new PlannedTrial(id, config, block, label, varying, "ae", Map.of("lr", varying), seed, (int) seed, 1, false, 10);
    }

    private static JsonNode record(String id, String status, double val, double test) {
        ObjectNode n = JsonLines.mapper().createObjectNode();
        n.put("trial_id", id);
        n.put("status", status);
        if (status.equals("ok")) {
            n.put("val_mse", val);
            n.put("test_mse", test);
            n.put("sec_per_epoch", 1.5);
        }
        return n;
    }

    private static Plan plan(int validation) {
        List<PlannedTrial> entries = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            entries.add(trial("a" + s, 0, "ae", "A", "lr=0.1", s));
            entries.add(trial("b" + s, 0, "ae", "B", "lr=0.01", s));
            entries.add(trial("c" + s, 1, "pca", "C", "", s));
        }
        return new Plan("x", DATA, validation, Selection.VAL_MSE, entries);
    }

    private static Map<String, JsonNode> records() {
        Map<String, JsonNode> r = new LinkedHashMap<>();
        double[] aVal = {0.030, 0.032, 0.034};
        double[] bVal = {0.020, 0.021, 0.022};
        for (int s = 0; s < 3; s++) {
            r.put("a" + s, record("a" + s, "ok", aVal[s], aVal[s] + 0.001));
            r.put("b" + s, record("b" + s, s == 2 ? "diverged" : "ok", bVal[s], bVal[s] + 0.001));
        }
        r.put("c0", record("c0", "failed", 0, 0));
        r.put("c1", record("c1", "ok", 0.05, 0.05));
        r.put("zz", record("zz", "ok", 0.001, 0.001)); // from another plan
        return r;
    }

    @Test
    void meanSdPerConfigurationAndSelectionOnValidation() {
        Summary s = Summarizer.summarize(plan(10), records());
        assertEquals(3, s.configs().size());
        ConfigSummary a = s.configs().get(0);
        assertEquals("lr=0.1", a.varying());
        assertEquals(3, a.ok());
        assertEquals(0.032, a.stat("val_mse").mean(), 1e-12);
        assertEquals(0.002, a.stat("val_mse").sd(), 1e-12, "sample standard deviation");
        ConfigSummary b = s.configs().get(1);
        assertEquals(2, b.ok());
        assertEquals(1, b.diverged());
        assertEquals(0.0205, b.stat("val_mse").mean(), 1e-12);
        assertTrue(b.selected());
        assertFalse(a.selected());
        ConfigSummary c = s.configs().get(2);
        assertEquals(1, c.failed());
        assertEquals(1, c.ok());
        assertTrue(c.selected(), "the only configuration with a validation figure in its block");
        assertEquals(1, s.pending(), "c2 has no record");
        assertEquals(1, s.otherRecords());
        String text = SummaryReport.text(s);
        assertTrue(text.contains("0.03200 ± 0.00200"), text);
        assertTrue(text.contains("2/3 1 diverged"), text);
        assertTrue(text.contains("chosen on validation, reported on test"), text);
    }

    @Test
    void probeCriterionSelectsTheHighestValidationAccuracy() {
        Map<String, JsonNode> r = records();
        double[] acc = {0.80, 0.82, 0.84, 0.70, 0.71, 0.0};
        String[] ids = {"a0", "a1", "a2", "b0", "b1"};
        for (int i = 0; i < ids.length; i++) {
            ((ObjectNode) r.get(ids[i])).put("val_probe_acc", acc[i]);
        }
        Plan p = plan(10);
        Summary s = Summarizer.summarize(new Plan(p.experiment(), p.data(), 10, Selection.VAL_PROBE_ACC, p.entries()), r);
        assertTrue(s.configs().get(0).selected(), "lr=0.1 has the higher validation accuracy despite its higher val_mse");
        assertFalse(s.configs().get(1).selected());
        assertFalse(s.configs().get(2).selected(), "pca has no val_probe_acc");
        assertTrue(SummaryReport.text(s).contains("highest mean val_probe_acc"));
    }

    @Test
    void withoutValidationNothingIsSelected() {
        Summary s = Summarizer.summarize(plan(0), records());
        assertTrue(s.selected().isEmpty());
        assertTrue(SummaryReport.text(s).contains("nothing is selected"));
    }

    @Test
    void csvHasOneRowPerConfiguration(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("s.csv");
        SummaryReport.writeCsv(Summarizer.summarize(plan(10), records()), csv);
        List<String> rows = Files.readAllLines(csv);
        assertEquals(4, rows.size());
        assertTrue(rows.get(2).startsWith("ae,ae,lr=0.01,B,true,3,2,0,1,0.0205,"), rows.get(2));
    }

    @Test
    void everyNumericMetricAndTimePhaseIsSummarisedWithNoPerMetricCode(@TempDir Path tmp) throws Exception {
        Map<String, JsonNode> r = new LinkedHashMap<>();
        double[][] values = {{0.030, 1.0, 7.0}, {0.034, 3.0, 9.0}};
        for (int s = 0; s < 2; s++) {
            ObjectNode n = JsonLines.mapper().createObjectNode();
            n.put("trial_id", "a" + s);
            n.put("status", "ok");
            n.put("seed", s);
            ObjectNode m = n.putObject("metrics");
            m.put("val_mse", values[s][0]);
            m.put("a_new_metric", values[s][1]);
            m.putArray("loss_curve").add(0.5).add(0.4);
            n.putObject("time").put("train_sec", values[s][2]);
            r.put("a" + s, n);
        }
        Summary s = Summarizer.summarize(plan(10), r);
        assertEquals(List.of("val_mse", "a_new_metric", "time_train_sec"), s.figures(),
                "lists (the loss curve) and bookkeeping (seed) are not figures");
        ConfigSummary a = s.configs().get(0);
        assertEquals(2.0, a.stat("a_new_metric").mean(), 1e-12);
        assertEquals(Math.sqrt(2.0), a.stat("a_new_metric").sd(), 1e-12, "sample sd of 1 and 3");
        assertEquals(8.0, a.stat("time_train_sec").mean(), 1e-12);
        Path csv = tmp.resolve("s.csv");
        SummaryReport.writeCsv(s, csv);
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.get(0).contains("a_new_metric_mean,a_new_metric_sd,a_new_metric_n,time_train_sec_mean"), rows.get(0));
        assertTrue(rows.get(1).contains(",2.0,1.414213562373095"), rows.get(1));
    }
}
