package dev.aebench.core.metric;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    @Test
    void keepsOrderNumbersAndListsAndWritesNonFiniteAsNull() {
        Metrics m = new Metrics().put("test_mse", 0.01).put("probe_acc", Double.NaN)
                .putList("loss_curve", List.of(0.3, Double.POSITIVE_INFINITY));
        assertEquals(List.of("test_mse", "probe_acc", "loss_curve"), List.copyOf(m.names()));
        assertEquals(List.of("test_mse", "probe_acc"), m.numberNames());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("test_mse", 0.01);
        expected.put("probe_acc", null);
        expected.put("loss_curve", Arrays.asList(0.3, null));
        assertEquals(expected, m.toMap());
        assertTrue(Double.isNaN(m.number("absent")));
        assertEquals(402448L, new Metrics().put("param_count", 402448).toMap().get("param_count"), "counts stay integers");
        assertEquals(List.of(), m.list("test_mse"));
    }

    @Test
    void roundTripsThroughItsMapShape() {
        Metrics m = new Metrics().put("a", 1.5).putList("b", List.of(1.0, 2.0));
        assertEquals(m, Metrics.fromMap(m.toMap()));
        Map<String, Object> withText = new LinkedHashMap<>(m.toMap());
        withText.put("note", "text is not a metric");
        assertEquals(m, Metrics.fromMap(withText));
    }

    @Test
    void rejectsNamesThatAreNotSnakeCase() {
        assertThrows(IllegalArgumentException.class, () -> new Metrics().put("Test MSE", 1));
    }

    @Test
    void catalogCollectsProvidersAndRejectsContradictions() {
        MetricProvider a = () -> List.of(MetricDescription.lower("x", "1", "an x"));
        MetricProvider sameAgain = () -> List.of(MetricDescription.lower("x", "1", "an x"));
        MetricProvider other = () -> List.of(MetricDescription.higher("x", "1", "an x"));
        MetricCatalog c = MetricCatalog.of(List.of(a, sameAgain));
        assertEquals(Better.LOWER, c.better("x"));
        assertEquals(Better.NEITHER, c.better("unknown"));
        assertEquals(1, c.all().size());
        assertThrows(IllegalStateException.class, () -> MetricCatalog.of(List.of(a, other)));
    }

    @Test
    void coreProvidersAreFoundOnTheClassPath() {
        MetricCatalog c = MetricCatalog.load();
        assertEquals(Better.LOWER, c.better("test_mse"));
        assertTrue(c.find("loss_curve").isPresent());
    }
}
