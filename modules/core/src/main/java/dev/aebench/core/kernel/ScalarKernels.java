package dev.aebench.core.kernel;

/**
 * Plain-Java kernels without the Vector API: the reference the vector kernels are tested
 * against, and the fallback for JVMs or CPUs without useful vectors. Work is split over a
 * {@link ThreadTeam} by fixed row ranges, so results do not depend on the thread count.
 */
public class ScalarKernels implements Kernels {

    /** Below this many multiply-adds a GEMM runs on the calling thread. */
    protected static final long PARALLEL_FLOPS = 1L << 15;
    /** Rows handed to one task of an element-wise pass. */
    protected static final int ROW_BLOCK = 4;

    protected final ThreadTeam team;
    private double[] rowPartials = new double[0];

    public ScalarKernels(int threads) {
        this.team = new ThreadTeam(threads);
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int threads() {
        return team.size();
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     boolean accumulate, float[] c, int cOff, int ldc) {
        checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if ((long) m * n * k < PARALLEL_FLOPS) {
            gemmRows(transA, transB, 0, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
            return;
        }
        team.run(m, (from, to) -> gemmRows(transA, transB, from, to, n, k, a, aOff, lda, b, bOff, ldb,
                accumulate, c, cOff, ldc));
    }

    /** Rows {@code [i0, i1)} of C, each element summed over p in increasing order. */
    protected void gemmRows(boolean transA, boolean transB, int i0, int i1, int n, int k,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            boolean accumulate, float[] c, int cOff, int ldc) {
        int aI = transA ? 1 : lda;
        int aP = transA ? lda : 1;
        int bP = transB ? 1 : ldb;
        int bJ = transB ? ldb : 1;
        for (int i = i0; i < i1; i++) {
            int crow = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                float s = 0f;
                int ai = aOff + i * aI;
                int bj = bOff + j * bJ;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[ai + p * aP], b[bj + p * bP], s);
                }
                c[crow + j] = accumulate ? c[crow + j] + s : s;
            }
        }
    }

    protected static void checkGemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                          float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative gemm size " + m + "x" + n + "x" + k);
        }
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        need("A", a, aOff, lda, aRows, aCols);
        need("B", b, bOff, ldb, bRows, bCols);
        need("C", c, cOff, ldc, m, n);
    }

    private static void need(String what, float[] x, int off, int ld, int rows, int cols) {
        if (rows == 0 || cols == 0) {
            return;
        }
        if (ld < cols || off < 0 || (long) off + (long) (rows - 1) * ld + cols > x.length) {
            throw new IllegalArgumentException(what + " (" + rows + "x" + cols + ", ld " + ld + ", offset " + off
                    + ") does not fit in an array of " + x.length);
        }
    }

    @Override
    public void biasActivation(Activation act, float[] z, int rows, int cols, float[] bias, int biasOff) {
        rowBlocks(rows, cols, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int base = r * cols;
                for (int j = 0; j < cols; j++) {
                    z[base + j] = act.apply(z[base + j] + bias[biasOff + j]);
                }
            }
        });
    }

    @Override
    public void activationBackward(Activation act, float[] y, float[] grad, int n) {
        if (act == Activation.IDENTITY) {
            return;
        }
        flatBlocks(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                grad[i] *= act.derivativeFromOutput(y[i]);
            }
        });
    }

    @Override
    public void columnSums(float[] a, int rows, int cols, float[] out, int outOff, boolean accumulate) {
        int blocks = (cols + 15) / 16;
        Runnable serial = () -> columnSumRange(a, rows, cols, out, outOff, accumulate, 0, cols);
        if ((long) rows * cols < PARALLEL_FLOPS) {
            serial.run();
            return;
        }
        team.run(blocks, (b0, b1) -> columnSumRange(a, rows, cols, out, outOff, accumulate,
                b0 * 16, Math.min(cols, b1 * 16)));
    }

    protected void columnSumRange(float[] a, int rows, int cols, float[] out, int outOff, boolean accumulate,
                                  int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            float s = 0f;
            for (int r = 0; r < rows; r++) {
                s += a[r * cols + j];
            }
            out[outOff + j] = accumulate ? out[outOff + j] + s : s;
        }
    }

    // ---- images: split over whole images, planes or channels ----

    @Override
    public void im2col(ConvGeometry g, float[] image, int batch, float[] cols) {
        perItem(batch, (long) g.positions() * g.patchSize(), (b0, b1) -> ImageOps.im2col(g, image, cols, b0, b1));
    }

    @Override
    public void col2im(ConvGeometry g, float[] cols, int batch, float[] image, boolean accumulate) {
        perItem(batch, (long) g.positions() * g.patchSize(),
                (b0, b1) -> ImageOps.col2im(g, cols, image, accumulate, b0, b1));
    }

    @Override
    public void transposeEach(float[] src, int count, int rows, int cols, float[] dst, boolean accumulate) {
        perItem(count, (long) rows * cols, (m0, m1) -> ImageOps.transposeEach(src, rows, cols, dst, accumulate, m0, m1));
    }

    @Override
    public void channelBiasActivation(Activation act, float[] z, int batch, int channels, int plane,
                                      float[] bias, int biasOff) {
        perItem(batch * channels, plane,
                (p0, p1) -> ImageOps.channelBiasActivation(act, z, channels, plane, bias, biasOff, p0, p1));
    }

    @Override
    public void channelSums(float[] g, int batch, int channels, int plane, float[] out, int outOff, boolean accumulate) {
        perItem(channels, (long) batch * plane,
                (c0, c1) -> ImageOps.channelSums(g, batch, channels, plane, out, outOff, accumulate, c0, c1));
    }

    /** Runs {@code body} over {@code [0, count)} on the team when the work is worth splitting. */
    protected void perItem(int count, long workPerItem, ThreadTeam.RangeBody body) {
        if (count < 2 || count * workPerItem < PARALLEL_FLOPS) {
            if (count > 0) {
                body.run(0, count);
            }
            return;
        }
        team.run(count, body);
    }

    @Override
    public double loss(LossKind kind, float[] y, float[] target, int n, float[] grad, float gradScale) {
        float g = gradScale / n;
        return reduceBlocks(n, (from, to) -> lossRange(kind, y, target, from, to, grad, g)) / n;
    }

    /** Sum of element losses over [from, to), writing gradients scaled by {@code g}. */
    protected double lossRange(LossKind kind, float[] y, float[] t, int from, int to, float[] grad, float g) {
        double s = 0;
        for (int i = from; i < to; i++) {
            float d = y[i] - t[i];
            if (kind == LossKind.MSE) {
                s += d * d;
                if (grad != null) {
                    grad[i] = 2f * g * d;
                }
            } else {
                float p = Math.min(Math.max(y[i], 1e-7f), 1f - 1e-7f);
                s -= t[i] * Math.log(p) + (1f - t[i]) * Math.log(1f - p);
                if (grad != null) {
                    grad[i] = g * (p - t[i]) / (p * (1f - p));
                }
            }
        }
        return s;
    }

    @Override
    public double sigmoidOutputLoss(LossKind kind, float[] y, float[] target, int n, float[] gradZ, float gradScale) {
        float g = gradScale / n;
        return reduceBlocks(n, (from, to) -> sigmoidLossRange(kind, y, target, from, to, gradZ, g)) / n;
    }

    protected double sigmoidLossRange(LossKind kind, float[] y, float[] t, int from, int to, float[] gz, float g) {
        double s = 0;
        for (int i = from; i < to; i++) {
            float yi = y[i];
            float d = yi - t[i];
            if (kind == LossKind.MSE) {
                s += d * d;
                gz[i] = 2f * g * d * yi * (1f - yi);
            } else {
                float p = Math.min(Math.max(yi, 1e-7f), 1f - 1e-7f);
                s -= t[i] * Math.log(p) + (1f - t[i]) * Math.log(1f - p);
                gz[i] = g * d;
            }
        }
        return s;
    }

    @Override
    public void adam(float[] p, float[] g, float[] m, float[] v, int off, int len,
                     float lr, float beta1, float beta2, float eps, int step) {
        float bc1 = (float) (1.0 - Math.pow(beta1, step));
        float sqrtBc2 = (float) Math.sqrt(1.0 - Math.pow(beta2, step));
        float stepSize = lr / bc1;
        flatBlocks(len, (from, to) -> adamRange(p, g, m, v, off + from, off + to, beta1, beta2, eps, stepSize, sqrtBc2));
    }

    protected void adamRange(float[] p, float[] g, float[] m, float[] v, int from, int to,
                             float beta1, float beta2, float eps, float stepSize, float sqrtBc2) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + (1f - beta1) * gi;
            float vi = beta2 * v[i] + (1f - beta2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] -= stepSize * mi / ((float) Math.sqrt(vi) / sqrtBc2 + eps);
            g[i] = 0f;
        }
    }

    @Override
    public void gaussian(long seed, float[] out, int off, int n) {
        flatBlocks(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[off + i] = CounterRandom.gaussian(seed, i);
            }
        });
    }

    @Override
    public void uniform(long seed, float[] out, int off, int n) {
        flatBlocks(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[off + i] = CounterRandom.uniform(seed, i);
            }
        });
    }

    /** Runs {@code body} over {@code [0, tasks)} on this thread when the work is small, else over the team. */
    protected void split(long work, int tasks, ThreadTeam.RangeBody body) {
        if (work < PARALLEL_FLOPS || tasks < 2) {
            body.run(0, tasks);
        } else {
            team.run(tasks, body);
        }
    }

    /** Copies the strict upper triangle of the k x k matrix C onto its lower one. */
    static void mirrorUpper(int k, float[] c, int cOff, int ldc) {
        for (int i = 0; i < k; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < i; j++) {
                c[row + j] = c[cOff + j * ldc + i];
            }
        }
    }

    /** Element-wise pass over whole rows, split by blocks of rows. */
    protected void rowBlocks(int rows, int cols, ThreadTeam.RangeBody rowsBody) {
        if ((long) rows * cols < PARALLEL_FLOPS) {
            rowsBody.run(0, rows);
            return;
        }
        int blocks = (rows + ROW_BLOCK - 1) / ROW_BLOCK;
        team.run(blocks, (b0, b1) -> rowsBody.run(b0 * ROW_BLOCK, Math.min(rows, b1 * ROW_BLOCK)));
    }

    /** Element-wise pass over a flat range, split into aligned blocks. */
    protected void flatBlocks(int n, ThreadTeam.RangeBody body) {
        if (n < PARALLEL_FLOPS) {
            body.run(0, n);
            return;
        }
        final int block = 4096;
        int blocks = (n + block - 1) / block;
        team.run(blocks, (b0, b1) -> body.run(b0 * block, Math.min(n, b1 * block)));
    }

    /** Sum of per-block partial sums, added in block order: independent of the thread count. */
    protected double reduceBlocks(int n, BlockSum body) {
        final int block = 4096;
        int blocks = (n + block - 1) / block;
        double[] partials = partials(blocks);
        if (n < PARALLEL_FLOPS) {
            for (int b = 0; b < blocks; b++) {
                partials[b] = body.sum(b * block, Math.min(n, (b + 1) * block));
            }
        } else {
            team.run(blocks, (b0, b1) -> {
                for (int b = b0; b < b1; b++) {
                    partials[b] = body.sum(b * block, Math.min(n, (b + 1) * block));
                }
            });
        }
        double s = 0;
        for (int b = 0; b < blocks; b++) {
            s += partials[b];
        }
        return s;
    }

    private double[] partials(int blocks) {
        if (rowPartials.length < blocks) {
            rowPartials = new double[blocks];
        }
        return rowPartials;
    }

    /** A partial sum over an element range. */
    @FunctionalInterface
    protected interface BlockSum {
        double sum(int from, int to);
    }

    @Override
    public void close() {
        team.close();
    }
}
