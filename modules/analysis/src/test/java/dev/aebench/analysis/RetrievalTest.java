package dev.aebench.analysis;

import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.kernel.VectorKernels;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** k-NN and semantic hashing against per-pair brute force on constructed, clustered codes. */
class RetrievalTest {
    private static final int DIM = 6;
    private static final int CLASSES = 4;

    @Test
    void nearestNeighboursAndVotesMatchBruteForce() {
        int n = 300;
        int q = 90; // more than one GEMM block of queries
        float[] index = clustered(n, 1);
        float[] queries = clustered(q, 2);
        int[] indexLabels = labels(n);
        int[] queryLabels = labels(q);
        try (Kernels ks = new VectorKernels(2)) {
            int[][] nn = NearestNeighbours.search(ks, queries, q, index, n, DIM, 10, null);
            int correct = 0;
            for (int i = 0; i < q; i++) {
                final int qi = i;
                Integer[] order = new Integer[n];
                for (int j = 0; j < n; j++) {
                    order[j] = j;
                }
                Arrays.sort(order, Comparator.comparingDouble((Integer j) -> dist2(queries, qi, index, j)));
                int[] expected = new int[10];
                for (int k = 0; k < 10; k++) {
                    expected[k] = order[k];
                }
                assertArrayEquals(expected, nn[i], "query " + i);
                int[] votes = new int[CLASSES];
                for (int k = 0; k < 10; k++) {
                    votes[indexLabels[expected[k]]]++;
                }
                int best = 0;
                for (int c = 1; c < CLASSES; c++) {
                    if (votes[c] > votes[best] || votes[c] == votes[best] && firstRank(expected, indexLabels, c)
                            < firstRank(expected, indexLabels, best)) {
                        best = c;
                    }
                }
                correct += best == queryLabels[i] ? 1 : 0;
            }
            assertEquals((double) correct / q,
                    NearestNeighbours.accuracy(ks, queries, queryLabels, index, indexLabels, DIM, 10), 1e-12);
        }
    }

    @Test
    void hammingPrecisionAndMeanAveragePrecisionMatchBruteForce() {
        int n = 200;
        int q = 70;
        float[] index = clustered(n, 3);
        float[] queries = clustered(q, 4);
        int[] indexLabels = labels(n);
        int[] queryLabels = labels(q);
        float[] t = SemanticHashing.thresholds(index, n, DIM, dev.aebench.core.kernel.Activation.RELU);
        float[] ib = SemanticHashing.bits(index, n, DIM, t);
        float[] qb = SemanticHashing.bits(queries, q, DIM, t);
        double p10 = 0;
        double map = 0;
        for (int i = 0; i < q; i++) {
            final int qi = i;
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Arrays.sort(order, Comparator.comparingInt((Integer j) -> hamming(qb, qi, ib, j)).thenComparingInt(j -> j));
            int hits = 0;
            double ap = 0;
            for (int r = 0; r < n; r++) {
                if (indexLabels[order[r]] == queryLabels[i]) {
                    hits++;
                    ap += (double) hits / (r + 1);
                }
                if (r == 9) {
                    p10 += hits / 10.0;
                }
            }
            map += ap / hits;
        }
        try (Kernels ks = new VectorKernels(2)) {
            SemanticHashing.Result r = SemanticHashing.evaluate(ks, qb, queryLabels, ib, indexLabels, DIM);
            assertEquals(p10 / q, r.precisionAt10(), 1e-12);
            assertEquals(map / q, r.meanAveragePrecision(), 1e-12);
        }
    }

    @Test
    void thresholdsAreHalfForSigmoidAndTheTrainingMedianOtherwise() {
        float[] codes = {1f, 10f, 3f, 30f, 2f, 20f, 4f, 40f};
        assertArrayEquals(new float[] {2.5f, 25f}, SemanticHashing.thresholds(codes, 4, 2,
                dev.aebench.core.kernel.Activation.TANH));
        assertArrayEquals(new float[] {0.5f, 0.5f}, SemanticHashing.thresholds(codes, 4, 2,
                dev.aebench.core.kernel.Activation.SIGMOID));
    }

    private static int firstRank(int[] nn, int[] labels, int c) {
        for (int k = 0; k < nn.length; k++) {
            if (labels[nn[k]] == c) {
                return k;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Row i in the cluster of class i % CLASSES: a class centre plus noise. */
    private static float[] clustered(int rows, long seed) {
        float[] x = new float[rows * DIM];
        for (int r = 0; r < rows; r++) {
            int c = r % CLASSES;
            for (int j = 0; j < DIM; j++) {
                float centre = ((c >> (j % 2)) & 1) == 1 ? 1f : -1f;
                x[r * DIM + j] = centre + 1.2f * CounterRandom.gaussian(seed, (long) r * DIM + j);
            }
        }
        return x;
    }

    private static int[] labels(int rows) {
        int[] l = new int[rows];
        for (int r = 0; r < rows; r++) {
            l[r] = r % CLASSES;
        }
        return l;
    }

    private static double dist2(float[] a, int i, float[] b, int j) {
        double s = 0;
        for (int k = 0; k < DIM; k++) {
            double d = (double) a[i * DIM + k] - b[j * DIM + k];
            s += d * d;
        }
        return s;
    }

    private static int hamming(float[] a, int i, float[] b, int j) {
        int h = 0;
        for (int k = 0; k < DIM; k++) {
            h += a[i * DIM + k] != b[j * DIM + k] ? 1 : 0;
        }
        return h;
    }
}
