package dev.aebench.core.data;

/**
 * Images as float rows in [0,1] (row-major, {@code size x dim}) with integer labels, and a
 * fingerprint of the source bytes that trial ids and provenance record.
 */
public record Dataset(String name, float[] x, int[] labels, int size, int height, int width, String fingerprint) {
    public Dataset {
        if (x.length != (long) size * height * width) {
            throw new IllegalArgumentException("dataset " + name + ": " + x.length + " values for " + size
                    + " images of " + height + "x" + width);
        }
        if (labels.length != size) {
            throw new IllegalArgumentException("dataset " + name + ": " + labels.length + " labels for " + size + " images");
        }
    }

    public int dim() {
        return height * width;
    }

    /** Number of distinct classes, taken as max label + 1. */
    public int classes() {
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        return max + 1;
    }

    /** Rows {@code [from, to)} as a new dataset (copies). */
    public Dataset slice(int from, int to, String suffix) {
        if (from < 0 || to > size || from > to) {
            throw new IllegalArgumentException("bad slice " + from + ".." + to + " of " + size);
        }
        float[] xs = java.util.Arrays.copyOfRange(x, from * dim(), to * dim());
        int[] ls = java.util.Arrays.copyOfRange(labels, from, to);
        return new Dataset(name + suffix, xs, ls, to - from, height, width, fingerprint + suffix);
    }
}
