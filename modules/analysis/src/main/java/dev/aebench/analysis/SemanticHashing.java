package dev.aebench.analysis;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.Kernels;

import java.util.Arrays;

/**
 * Semantic hashing (Salakhutdinov and Hinton): each code unit becomes one bit (above 0.5 for a
 * sigmoid code, above the unit's training median otherwise), and training images are ranked
 * for each query by Hamming distance, ties in training order. Hamming distances come from the
 * kernels' GEMM on 0/1 floats ({@code |a| + |b| - 2 a.b}, exact integers). Reports the mean
 * precision among the first 10 and the mean average precision over the whole ranking, an item
 * being relevant when it has the query's label.
 */
final class SemanticHashing {
    static final int TOP = 10;

    record Result(double precisionAt10, double meanAveragePrecision) {
    }

    private SemanticHashing() {
    }

    /** Per-unit thresholds: 0.5 for sigmoid codes, else the training median of each unit. */
    static float[] thresholds(float[] trainCodes, int rows, int dim, Activation act) {
        float[] t = new float[dim];
        if (act == Activation.SIGMOID) {
            Arrays.fill(t, 0.5f);
            return t;
        }
        float[] column = new float[rows];
        for (int j = 0; j < dim; j++) {
            for (int r = 0; r < rows; r++) {
                column[r] = trainCodes[r * dim + j];
            }
            Arrays.sort(column);
            t[j] = rows % 2 == 1 ? column[rows / 2] : (column[rows / 2 - 1] + column[rows / 2]) / 2f;
        }
        return t;
    }

    /** 1 where a code exceeds its unit's threshold, else 0. */
    static float[] bits(float[] codes, int rows, int dim, float[] thresholds) {
        float[] b = new float[rows * dim];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dim; j++) {
                b[r * dim + j] = codes[r * dim + j] > thresholds[j] ? 1f : 0f;
            }
        }
        return b;
    }

    static Result evaluate(Kernels kernels, float[] queryBits, int[] queryLabels, float[] indexBits, int[] indexLabels,
                           int dim) {
        int queries = queryLabels.length;
        int n = indexLabels.length;
        float[] qn = QueryBlocks.squaredNorms(queryBits, queries, dim);
        float[] in = QueryBlocks.squaredNorms(indexBits, n, dim);
        short[] distance = new short[n];
        int[] before = new int[dim + 2]; // items, then relevant items, at a smaller distance
        int[] relevantBefore = new int[dim + 2];
        int top = Math.min(TOP, n);
        double[] sums = new double[2];
        QueryBlocks.forEach(kernels, queryBits, queries, indexBits, n, dim, (q, products, off) -> {
            Arrays.fill(before, 0);
            Arrays.fill(relevantBefore, 0);
            int label = queryLabels[q];
            for (int i = 0; i < n; i++) {
                int d = Math.round(qn[q] + in[i] - 2f * products[off + i]);
                distance[i] = (short) d;
                before[d + 1]++;
                if (indexLabels[i] == label) {
                    relevantBefore[d + 1]++;
                }
            }
            for (int d = 1; d < before.length; d++) {
                before[d] += before[d - 1];
                relevantBefore[d] += relevantBefore[d - 1];
            }
            // the ranking is by distance, ties in index order: scanning in index order, an item's
            // rank is the items before its distance plus those of its distance seen so far
            int relevant = 0;
            int topHits = 0;
            double precisionSum = 0;
            for (int i = 0; i < n; i++) {
                int d = distance[i];
                int rank = before[d]++;
                if (indexLabels[i] == label) {
                    int hitsUpTo = ++relevantBefore[d];
                    precisionSum += (double) hitsUpTo / (rank + 1);
                    relevant++;
                    if (rank < top) {
                        topHits++;
                    }
                }
            }
            sums[0] += (double) topHits / top;
            sums[1] += relevant == 0 ? 0 : precisionSum / relevant;
        });
        return new Result(sums[0] / queries, sums[1] / queries);
    }
}
