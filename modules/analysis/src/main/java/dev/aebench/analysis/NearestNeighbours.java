package dev.aebench.analysis;

import dev.aebench.core.kernel.Kernels;

/**
 * The k nearest index rows of each query by Euclidean distance, with the squared distances
 * {@code |q|^2 + |i|^2 - 2 q.i} from the kernels' GEMM ({@link QueryBlocks}); ties go to the
 * lower index. Also the k-NN classifier: the majority label of the k neighbours, a tie between
 * labels going to the one whose first member is nearer.
 */
final class NearestNeighbours {
    private NearestNeighbours() {
    }

    /** {@code [query][rank]} index rows, nearest first; {@code exclude[q]} (or -1) is never returned for query q. */
    static int[][] search(Kernels kernels, float[] queries, int queryRows, float[] index, int indexRows, int dim, int k,
                          int[] exclude) {
        int kk = Math.min(k, indexRows - (exclude == null ? 0 : 1));
        float[] qn = QueryBlocks.squaredNorms(queries, queryRows, dim);
        float[] in = QueryBlocks.squaredNorms(index, indexRows, dim);
        int[][] out = new int[queryRows][];
        QueryBlocks.forEach(kernels, queries, queryRows, index, indexRows, dim, (q, products, off) -> {
            int[] best = new int[kk];
            float[] bestD = new float[kk];
            int filled = 0;
            int skip = exclude == null ? -1 : exclude[q];
            for (int i = 0; i < indexRows; i++) {
                if (i == skip) {
                    continue;
                }
                float d = qn[q] + in[i] - 2f * products[off + i];
                if (filled == kk && d >= bestD[kk - 1]) {
                    continue;
                }
                int pos = filled == kk ? kk - 1 : filled++;
                while (pos > 0 && bestD[pos - 1] > d) {
                    bestD[pos] = bestD[pos - 1];
                    best[pos] = best[pos - 1];
                    pos--;
                }
                bestD[pos] = d;
                best[pos] = i;
            }
            out[q] = best;
        });
        return out;
    }

    /** The majority label among {@code neighbours} (nearest first); a tie goes to the label seen first. */
    static int vote(int[] neighbours, int[] labels) {
        java.util.Map<Integer, Integer> counts = new java.util.LinkedHashMap<>();
        for (int n : neighbours) {
            counts.merge(labels[n], 1, Integer::sum);
        }
        int best = -1;
        int bestCount = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /** Fraction of queries whose k-NN vote is their label. */
    static double accuracy(Kernels kernels, float[] queries, int[] queryLabels, float[] index, int[] indexLabels,
                           int dim, int k) {
        int rows = queryLabels.length;
        int[][] nn = search(kernels, queries, rows, index, indexLabels.length, dim, k, null);
        int correct = 0;
        for (int q = 0; q < rows; q++) {
            if (vote(nn[q], indexLabels) == queryLabels[q]) {
                correct++;
            }
        }
        return (double) correct / rows;
    }
}
