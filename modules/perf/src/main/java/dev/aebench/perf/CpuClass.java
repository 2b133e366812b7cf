package dev.aebench.perf;

import dev.aebench.core.error.UserError;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The class of machine a baseline belongs to: the preferred vector width and the band of the
 * measured one-core FMA peak ({@link FmaPeakProbe}). Bands double from 10 GFLOP/s
 * ({@code 10-20, 20-40, ..., 80-160, 160-320, ...}), so the classes seen so far sit well inside
 * one: Zen 3 (256-bit, ~57 GFLOP/s per core) in 40-80, Zen 4 (512-bit executed as two halves,
 * ~112) in 80-160, Zen 5 (full 512-bit, ~225) in 160-320. The vector width alone cannot tell
 * Zen 4 from Zen 5, whose workloads do not scale alike against the calibration kernel.
 *
 * @param vectorBits preferred vector width in bits
 * @param bandLow    lower end of the FMA band in GFLOP/s (the upper end is twice it)
 */
public record CpuClass(int vectorBits, int bandLow) {
    static final int FIRST_BAND = 10;
    private static final Pattern ID = Pattern.compile("vector-(\\d+)/fma-(\\d+)-(\\d+)");

    public CpuClass {
        if (vectorBits <= 0 || bandLow < FIRST_BAND || Integer.bitCount(bandLow / FIRST_BAND) != 1 || bandLow % FIRST_BAND != 0) {
            throw new IllegalArgumentException("not a CPU class: " + vectorBits + " bits, band from " + bandLow);
        }
    }

    /** The class of a machine with {@code bits}-bit vectors measured at {@code gflops} per core. */
    public static CpuClass of(int bits, double gflops) {
        int low = FIRST_BAND;
        while (gflops >= 2.0 * low && low < (1 << 24)) {
            low *= 2;
        }
        return new CpuClass(bits, low);
    }

    /** The class of this machine, measured now (about 0.1 s); the probe's rate comes with it. */
    public static Measured measure() {
        double g = FmaPeakProbe.measureGflops();
        return new Measured(of(CalibrationKernel.vectorBits(), g), g);
    }

    /** {@code vector-512/fma-160-320}: the key of the class's section in the baseline. */
    public String id() {
        return String.format(Locale.ROOT, "vector-%d/fma-%d-%d", vectorBits, bandLow, 2 * bandLow);
    }

    /** The class named by {@code id}; a malformed id is a {@link UserError} naming {@code where}. */
    public static CpuClass parse(String id, String where) {
        Matcher m = ID.matcher(id == null ? "" : id.trim());
        if (!m.matches() || Long.parseLong(m.group(3)) != 2 * Long.parseLong(m.group(2))) {
            throw new UserError(where + ": expected a CPU class such as vector-512/fma-160-320, found '" + id + "'");
        }
        try {
            return new CpuClass(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new UserError(where + ": expected a CPU class such as vector-512/fma-160-320, found '" + id + "'");
        }
    }

    @Override
    public String toString() {
        return id();
    }

    /** A class together with the probe's measured rate (GFLOP/s on one core). */
    public record Measured(CpuClass cpuClass, double gflops) {
        public String describe() {
            return Double.isNaN(gflops) ? cpuClass.id() + " (as given with --cpu-class)"
                    : String.format(Locale.ROOT, "%s (FMA peak %.0f GFLOP/s on one core)", cpuClass.id(), gflops);
        }
    }
}
