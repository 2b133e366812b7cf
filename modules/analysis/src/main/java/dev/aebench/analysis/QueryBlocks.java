package dev.aebench.analysis;

import dev.aebench.core.kernel.Kernels;

/**
 * Inner products of query rows with every index row, a block of queries at a time, on the
 * kernels' GEMM ({@code Q I^T}): the shared step of nearest-neighbour and Hamming retrieval.
 */
final class QueryBlocks {
    /** Queries per GEMM; the product block is {@code BLOCK x indexRows} floats. */
    static final int BLOCK = 64;

    /** Receives the products of one query with every index row. */
    interface RowConsumer {
        void accept(int query, float[] products, int offset);
    }

    private QueryBlocks() {
    }

    static void forEach(Kernels kernels, float[] queries, int queryRows, float[] index, int indexRows, int dim,
                        RowConsumer consumer) {
        float[] block = new float[Math.min(BLOCK, queryRows) * indexRows];
        for (int q0 = 0; q0 < queryRows; q0 += BLOCK) {
            int n = Math.min(BLOCK, queryRows - q0);
            kernels.gemm(false, true, n, indexRows, dim, queries, q0 * dim, dim, index, 0, dim, false, block, 0,
                    indexRows);
            for (int q = 0; q < n; q++) {
                consumer.accept(q0 + q, block, q * indexRows);
            }
        }
    }

    /** Squared row norms. */
    static float[] squaredNorms(float[] x, int rows, int dim) {
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            float s = 0f;
            for (int j = 0; j < dim; j++) {
                float v = x[r * dim + j];
                s = Math.fma(v, v, s);
            }
            out[r] = s;
        }
        return out;
    }
}
