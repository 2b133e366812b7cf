package dev.aebench.core.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded two-dimensional data sets named by a data spec {@code synthetic:NAME[:SEED]} (seed 0 by
 * default), usable wherever a data folder is: {@code mixture} ({@link PlaneMixture#STANDARD},
 * labelled by component, with an exact density and score), {@code circle} (a circle of radius
 * 0.3 around (0.5, 0.5) plus Gaussian noise of sd 0.02, labelled by angle in 8 bins) and
 * {@code spiral} (a spiral of one and a half turns, radius 0.05 to 0.4, plus noise of sd 0.015,
 * labelled by position along it in 8 bins). Every point lies in the unit square but for rare
 * tails, so sigmoid outputs can reconstruct it. {@value #TRAIN} training and {@value #TEST} test
 * points, drawn independently from one seeded stream; each row is one 1x2 "image".
 */
public record SyntheticPlane(String name, long seed) {
    public static final String PREFIX = "synthetic:";
    public static final List<String> NAMES = List.of("mixture", "circle", "spiral");
    public static final int TRAIN = 20000;
    public static final int TEST = 5000;
    static final int BINS = 8;
    /** Bumped whenever generation changes, so trial ids of older data sets differ. */
    static final int VERSION = 1;

    public SyntheticPlane {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown synthetic data set " + name);
        }
    }

    /** Whether {@code text} is meant as a synthetic data spec (starts with {@value #PREFIX}). */
    public static boolean isSpec(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /**
     * What is wrong with a synthetic data spec, as "expected ..., found ..." without the field's
     * name, or null when it is valid.
     */
    public static String problem(String spec) {
        String expected = "expected " + PREFIX + "NAME[:SEED] with NAME one of " + String.join(", ", NAMES)
                + " and SEED a non-negative integer, found '" + spec + "'";
        if (!isSpec(spec)) {
            return expected;
        }
        String[] parts = spec.substring(PREFIX.length()).split(":", -1);
        if (parts.length > 2 || !NAMES.contains(parts[0])) {
            return expected;
        }
        if (parts.length == 2 && !parts[1].matches("[0-9]{1,18}")) {
            return expected;
        }
        return null;
    }

    /** Parses a spec that {@link #problem} accepts; throws IllegalArgumentException otherwise. */
    public static SyntheticPlane parse(String spec) {
        String p = problem(spec);
        if (p != null) {
            throw new IllegalArgumentException(p);
        }
        String[] parts = spec.substring(PREFIX.length()).split(":", -1);
        return new SyntheticPlane(parts[0], parts.length == 2 ? Long.parseLong(parts[1]) : 0);
    }

    /** The canonical spec, {@code synthetic:NAME:SEED}. */
    public String spec() {
        return PREFIX + name + ":" + seed;
    }

    /** The fingerprint that trial ids include: the canonical spec and the generator version. */
    public String fingerprint() {
        return spec() + ":v" + VERSION;
    }

    /**
     * The mixture whose exact density and score a data set was drawn from, for data sets
     * generated as {@code synthetic:mixture} (also after slicing), or null for any other.
     */
    public static PlaneMixture mixtureOf(Dataset data) {
        return data.name().startsWith(PREFIX + "mixture:") ? PlaneMixture.STANDARD : null;
    }

    public TrainTestData generate() {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL * (NAMES.indexOf(name) + 1));
        Dataset train = draw(rnd, TRAIN, "/train");
        Dataset test = draw(rnd, TEST, "/test");
        return new TrainTestData(train, test);
    }

    private Dataset draw(SplittableRandom rnd, int count, String suffix) {
        float[] xs = new float[2 * count];
        int[] labels = new int[count];
        double[] p = new double[2];
        for (int i = 0; i < count; i++) {
            labels[i] = switch (name) {
                case "mixture" -> PlaneMixture.STANDARD.sample(rnd, p);
                case "circle" -> circle(rnd, p);
                case "spiral" -> spiral(rnd, p);
                default -> throw new IllegalStateException(name);
            };
            xs[2 * i] = (float) p[0];
            xs[2 * i + 1] = (float) p[1];
        }
        return new Dataset(spec() + suffix, xs, labels, count, 1, 2, fingerprint() + suffix);
    }

    private static int circle(SplittableRandom rnd, double[] out) {
        double t = rnd.nextDouble();
        double a = 2 * Math.PI * t;
        out[0] = 0.5 + 0.3 * Math.cos(a) + 0.02 * rnd.nextGaussian();
        out[1] = 0.5 + 0.3 * Math.sin(a) + 0.02 * rnd.nextGaussian();
        return Math.min(BINS - 1, (int) (t * BINS));
    }

    private static int spiral(SplittableRandom rnd, double[] out) {
        double t = rnd.nextDouble();
        double a = 3 * Math.PI * t;
        double r = 0.05 + 0.35 * t;
        out[0] = 0.5 + r * Math.cos(a) + 0.015 * rnd.nextGaussian();
        out[1] = 0.5 + r * Math.sin(a) + 0.015 * rnd.nextGaussian();
        return Math.min(BINS - 1, (int) (t * BINS));
    }
}
