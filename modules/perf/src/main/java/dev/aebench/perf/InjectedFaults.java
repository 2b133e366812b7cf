package dev.aebench.perf;

import dev.aebench.core.error.UserError;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Deliberate faults for demonstrating the gate, read from system properties (never set in normal
 * use): {@value #SLEEP_PROPERTY}{@code =FAMILY:MICROS} sleeps that long per training step of
 * one family (a slowdown), and {@value #SEED_PROPERTY}{@code =FAMILY:OFFSET} shifts that
 * family's model seed (a change of the numbers, as a different initialisation would be).
 *
 * @param sleepFamily  family that sleeps, or null
 * @param sleepMicros  microseconds per step
 * @param seedFamily   family whose seed moves, or null
 * @param seedOffset   added to the model seed
 */
public record InjectedFaults(String sleepFamily, long sleepMicros, String seedFamily, long seedOffset) {
    public static final String SLEEP_PROPERTY = "aebench.perf.inject.sleep";
    public static final String SEED_PROPERTY = "aebench.perf.inject.seed";
    public static final InjectedFaults NONE = new InjectedFaults(null, 0, null, 0);

    public InjectedFaults {
        if (sleepMicros < 0) {
            throw new IllegalArgumentException("sleep must be >= 0 microseconds, was " + sleepMicros);
        }
    }

    public static InjectedFaults fromSystemProperties() {
        return from(System.getProperties());
    }

    static InjectedFaults from(Properties p) {
        String sleep = p.getProperty(SLEEP_PROPERTY);
        String seed = p.getProperty(SEED_PROPERTY);
        String sleepFamily = null;
        long micros = 0;
        String seedFamily = null;
        long offset = 0;
        if (sleep != null && !sleep.isBlank()) {
            String[] f = split(SLEEP_PROPERTY, sleep, "MICROS");
            sleepFamily = f[0];
            micros = number(SLEEP_PROPERTY, sleep, f[1], "MICROS");
            if (micros < 0) {
                throw new UserError(SLEEP_PROPERTY + ": expected FAMILY:MICROS with MICROS >= 0, found '" + sleep + "'");
            }
        }
        if (seed != null && !seed.isBlank()) {
            String[] f = split(SEED_PROPERTY, seed, "OFFSET");
            seedFamily = f[0];
            offset = number(SEED_PROPERTY, seed, f[1], "OFFSET");
        }
        return new InjectedFaults(sleepFamily, micros, seedFamily, offset);
    }

    private static String[] split(String property, String value, String what) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new UserError(property + ": expected FAMILY:" + what + ", found '" + value + "'");
        }
        return new String[] {value.substring(0, colon).trim().toLowerCase(Locale.ROOT), value.substring(colon + 1).trim()};
    }

    private static long number(String property, String value, String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UserError(property + ": expected FAMILY:" + what + " with a whole number, found '" + value + "'");
        }
    }

    public boolean any() {
        return (sleepFamily != null && sleepMicros > 0) || (seedFamily != null && seedOffset != 0);
    }

    /** Extra sleep per training step of {@code family}. */
    public Duration sleepPerStep(String family) {
        return family.equals(sleepFamily) ? Duration.ofNanos(sleepMicros * 1000) : Duration.ZERO;
    }

    /** The model seed {@code family} trains with. */
    public long seedFor(String family, long seed) {
        return family.equals(seedFamily) ? seed + seedOffset : seed;
    }

    /** The families named by a fault, for checking they are part of the run. */
    public List<String> families() {
        List<String> out = new ArrayList<>();
        if (sleepFamily != null) {
            out.add(sleepFamily);
        }
        if (seedFamily != null && !seedFamily.equals(sleepFamily)) {
            out.add(seedFamily);
        }
        return out;
    }

    /** One line for the report, so nobody mistakes a demonstration for a real result. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (sleepFamily != null && sleepMicros > 0) {
            parts.add("sleep " + sleepMicros + " us per step in " + sleepFamily);
        }
        if (seedFamily != null && seedOffset != 0) {
            parts.add("model seed of " + seedFamily + " shifted by " + seedOffset);
        }
        return String.join("; ", parts);
    }
}
