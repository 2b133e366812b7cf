package dev.aebench.analysis;

import dev.aebench.core.kernel.Kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

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

    /**
     * Calls {@code consumer} once for every query, with the query's products. The GEMM of a block
     * runs on the kernels' threads; the block's queries are then split between {@code kernels.threads()}
     * threads, so a consumer must touch only its query's own state (or per-thread scratch). Which
     * thread handles a query changes nothing a consumer computes for it.
     */
    static void forEach(Kernels kernels, float[] queries, int queryRows, float[] index, int indexRows, int dim,
                        RowConsumer consumer) {
        float[] block = new float[Math.min(BLOCK, queryRows) * indexRows];
        int threads = Math.max(1, Math.min(kernels.threads(), Math.min(BLOCK, queryRows)));
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, daemon()) : null;
        try {
            for (int q0 = 0; q0 < queryRows; q0 += BLOCK) {
                int n = Math.min(BLOCK, queryRows - q0);
                kernels.gemm(false, true, n, indexRows, dim, queries, q0 * dim, dim, index, 0, dim, false, block, 0,
                        indexRows);
                int first = q0;
                int share = (n + threads - 1) / threads;
                List<Future<?>> parts = new ArrayList<>();
                for (int t = 1; t < threads; t++) {
                    int from = Math.min(n, t * share);
                    int to = Math.min(n, from + share);
                    parts.add(pool.submit(() -> {
                        for (int q = from; q < to; q++) {
                            consumer.accept(first + q, block, q * indexRows);
                        }
                    }));
                }
                for (int q = 0; q < Math.min(n, share); q++) {
                    consumer.accept(first + q, block, q * indexRows);
                }
                for (Future<?> f : parts) {
                    join(f);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "aebench-retrieval");
            t.setDaemon(true);
            return t;
        };
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
