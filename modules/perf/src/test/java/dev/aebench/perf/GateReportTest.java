package dev.aebench.perf;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateReportTest {
    @Test
    void comparisonTableHasOneAlignedRowPerFamily() {
        FamilySample s = new FamilySample("deep", List.of(2.0, 2.2, 2.1), List.of(500.0, 520.0, 510.0), List.of(10.0, 10.0, 10.0),
                List.of(0.02, 0.02, 0.02));
        SpeedComparison sp = SpeedComparison.compare(new double[] {1.0, 1.1, 1.05}, s.ratioArray(), 0.15, 0.1);
        QualityComparison q = QualityComparison.compare(0.02, s, 1e-4);
        String t = GateReport.comparison(List.of(new FamilyResult("deep", s, sp, q)));
        String[] lines = t.split("\n");
        assertEquals(2, lines.length, t);
        assertTrue(lines[0].startsWith("family") && lines[0].contains("p(slower)"), t);
        assertTrue(lines[1].startsWith("deep") && lines[1].contains("+100.0%") && lines[1].contains("SLOWER"), t);
        assertEquals(lines[0].indexOf("now ratio") + "now ratio".length(), lines[1].indexOf("2.1000") + "2.1000".length(), t);
    }

    @Test
    void measuredTableShowsDeterminism() {
        FamilySample s = new FamilySample("ae", List.of(2.0, 2.0), List.of(5.0, 5.0), List.of(2.5, 2.5), List.of(0.5, 0.5));
        String t = GateReport.measured(Map.of("ae", s));
        assertTrue(t.contains("yes"), t);
        assertEquals(0.1 / 1.05, GateReport.spread(new double[] {1.0, 1.05, 1.1}), 1e-12);
    }
}
