package dev.aebench.perf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QualityComparisonTest {
    private static FamilySample sample(Double... losses) {
        List<Double> l = List.of(losses);
        List<Double> ones = l.stream().map(x -> 1.0).toList();
        return new FamilySample("ae", ones, ones, ones, l);
    }

    @Test
    void identicalLossPasses() {
        QualityComparison q = QualityComparison.compare(0.0186527, sample(0.0186527, 0.0186527), 1e-4);
        assertEquals(QualityVerdict.OK, q.verdict());
        assertEquals(0, q.relativeChange());
    }

    @Test
    void changeWithinToleranceIsOk() {
        assertEquals(QualityVerdict.OK, QualityComparison.compare(1.0, sample(1.00005, 1.00005), 1e-4).verdict());
    }

    @Test
    void changeBeyondToleranceFails() {
        QualityComparison q = QualityComparison.compare(1.0, sample(1.001, 1.001), 1e-4);
        assertEquals(QualityVerdict.CHANGED, q.verdict());
        assertEquals(1e-3, q.relativeChange(), 1e-9);
    }

    @Test
    void differentLossesAcrossRepeatsAreNondeterministic() {
        assertEquals(QualityVerdict.NONDETERMINISTIC, QualityComparison.compare(1.0, sample(1.0, 1.0000001), 1e-4).verdict());
    }

    @Test
    void nanLossFails() {
        assertEquals(QualityVerdict.CHANGED, QualityComparison.compare(1.0, sample(Double.NaN, Double.NaN), 1e-4).verdict());
    }
}
