package dev.aebench.perf;

import dev.aebench.core.error.UserError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InjectedFaultsTest {
    private static InjectedFaults parse(String sleep, String seed) {
        Properties p = new Properties();
        if (sleep != null) {
            p.setProperty(InjectedFaults.SLEEP_PROPERTY, sleep);
        }
        if (seed != null) {
            p.setProperty(InjectedFaults.SEED_PROPERTY, seed);
        }
        return InjectedFaults.from(p);
    }

    @Test
    void noPropertiesNoFaults() {
        InjectedFaults f = parse(null, null);
        assertFalse(f.any());
        assertEquals(Duration.ZERO, f.sleepPerStep("ae"));
        assertEquals(5, f.seedFor("ae", 5));
    }

    @Test
    void sleepAppliesToOneFamily() {
        InjectedFaults f = parse("Deep:500", null);
        assertTrue(f.any());
        assertEquals(Duration.ofNanos(500_000), f.sleepPerStep("deep"));
        assertEquals(Duration.ZERO, f.sleepPerStep("ae"));
        assertEquals(List.of("deep"), f.families());
        assertTrue(f.describe().contains("500 us per step in deep"), f.describe());
    }

    @Test
    void seedShiftAppliesToOneFamily() {
        InjectedFaults f = parse(null, "ae:1");
        assertEquals(1, f.seedFor("ae", 0));
        assertEquals(0, f.seedFor("deep", 0));
    }

    @Test
    void malformedValuesAreUserErrors() {
        assertThrows(UserError.class, () -> parse("deep", null));
        assertThrows(UserError.class, () -> parse("deep:fast", null));
        assertThrows(UserError.class, () -> parse("deep:-5", null));
        UserError e = assertThrows(UserError.class, () -> parse(null, ":3"));
        assertTrue(e.getMessage().startsWith(InjectedFaults.SEED_PROPERTY), e.getMessage());
    }
}
