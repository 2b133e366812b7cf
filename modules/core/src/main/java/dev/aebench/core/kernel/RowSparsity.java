package dev.aebench.core.kernel;

import java.util.Arrays;

/**
 * Which columns of a matrix's rows may be non-zero: the rows come in consecutive groups, and
 * every row of a group is zero outside the group's support (a sorted list of column indices).
 * The stacked Jacobian rows of one sample, for instance, are zero wherever that sample's
 * first-layer ReLU units are off. Kernels given this skip the products with those zeros, which
 * are exact zeros, so the result keeps the bits of the dense product.
 *
 * <p>A reusable buffer: {@link #clear} and {@link #addGroup} each step, no allocation once it
 * has grown to the largest step.
 */
public final class RowSparsity {
    private int groups;
    private int[] rowStart = new int[] {0};
    private int[] indexStart = new int[] {0};
    private int[] index = new int[0];

    /** Forgets all groups; the next group starts at row 0. */
    public void clear() {
        groups = 0;
    }

    /**
     * Adds a group of rows ending (exclusive) at {@code rowEnd}, whose support is the positions
     * {@code p} in {@code [0, width)} with {@code values[off + p] != 0}.
     */
    public void addGroup(int rowEnd, float[] values, int off, int width) {
        if (rowEnd < rows()) {
            throw new IllegalArgumentException("groups must be added in row order: " + rowEnd + " < " + rows());
        }
        ensure(groups + 2, indexStart[groups] + width);
        int at = indexStart[groups];
        for (int p = 0; p < width; p++) {
            if (values[off + p] != 0f) {
                index[at++] = p;
            }
        }
        groups++;
        rowStart[groups] = rowEnd;
        indexStart[groups] = at;
    }

    /** Adds a group of rows ending at {@code rowEnd} with the given sorted support. */
    public void addGroup(int rowEnd, int... support) {
        if (rowEnd < rows()) {
            throw new IllegalArgumentException("groups must be added in row order: " + rowEnd + " < " + rows());
        }
        ensure(groups + 2, indexStart[groups] + support.length);
        int at = indexStart[groups];
        for (int i = 0; i < support.length; i++) {
            if (support[i] < 0 || (i > 0 && support[i] <= support[i - 1])) {
                throw new IllegalArgumentException("support must be sorted, distinct and non-negative: "
                        + Arrays.toString(support));
            }
            index[at++] = support[i];
        }
        groups++;
        rowStart[groups] = rowEnd;
        indexStart[groups] = at;
    }

    public int groups() {
        return groups;
    }

    /** Rows covered by all groups. */
    public int rows() {
        return rowStart[groups];
    }

    public int rowStart(int g) {
        return rowStart[g];
    }

    public int rowEnd(int g) {
        return rowStart[g + 1];
    }

    /** Where group {@code g}'s support starts in {@link #index(int)}. */
    public int indexStart(int g) {
        return indexStart[g];
    }

    public int indexEnd(int g) {
        return indexStart[g + 1];
    }

    public int index(int i) {
        return index[i];
    }

    /** The backing index array (read only), for kernels. */
    int[] indexArray() {
        return index;
    }

    /** Largest column index in any support plus one (0 when all are empty). */
    public int columnsSpanned() {
        int max = 0;
        for (int g = 0; g < groups; g++) {
            if (indexEnd(g) > indexStart(g)) {
                max = Math.max(max, index[indexEnd(g) - 1] + 1);
            }
        }
        return max;
    }

    /** Total support entries over all groups, weighted by rows: the multiply-adds per output column. */
    public long multiplyAddsPerColumn() {
        long sum = 0;
        for (int g = 0; g < groups; g++) {
            sum += (long) (rowEnd(g) - rowStart(g)) * (indexEnd(g) - indexStart(g));
        }
        return sum;
    }

    private void ensure(int groupSlots, int indexSlots) {
        if (rowStart.length < groupSlots) {
            int size = Math.max(groupSlots, 2 * rowStart.length);
            rowStart = Arrays.copyOf(rowStart, size);
            indexStart = Arrays.copyOf(indexStart, size);
        }
        if (index.length < indexSlots) {
            index = Arrays.copyOf(index, Math.max(indexSlots, 2 * index.length));
        }
    }
}
