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
        int[] distance = new int[n];
        int[] start = new int[dim + 2];
        int[] order = new int[n];
        double[] sums = new double[2];
        QueryBlocks.forEach(kernels, queryBits, queries, indexBits, n, dim, (q, products, off) -> {
            Arrays.fill(start, 0);
            for (int i = 0; i < n; i++) {
                int d = Math.round(qn[q] + in[i] - 2f * products[off + i]);
                distance[i] = d;
                start[d + 1]++;
            }
            for (int d = 1; d < start.length; d++) {
                start[d] += start[d - 1];
            }
            for (int i = 0; i < n; i++) {
                order[start[distance[i]]++] = i; // stable: ties stay in index order
            }
            int label = queryLabels[q];
            int hits = 0;
            double precisionSum = 0;
            int topHits = 0;
            for (int rank = 0; rank < n; rank++) {
                if (indexLabels[order[rank]] == label) {
                    hits++;
                    precisionSum += (double) hits / (rank + 1);
                }
                if (rank == TOP - 1) {
                    topHits = hits;
                }
            }
            if (n < TOP) {
                topHits = hits;
            }
            sums[0] += (double) topHits / Math.min(TOP, n);
            sums[1] += hits == 0 ? 0 : precisionSum / hits;
        });
        return new Result(sums[0] / queries, sums[1] / queries);
    }
}
