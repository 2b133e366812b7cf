package dev.aebench.core.kernel;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serial loops for the image operations of {@link Kernels} over a range of images or planes. The
 * kernel implementations split the range over threads; each image (or plane, or channel) is
 * always done by one thread in one order, so results do not depend on threads. Unfolding and
 * folding go through a per-geometry table of source pixels (built once and cached), which keeps
 * the inner loops free of index arithmetic and border tests.
 */
final class ImageOps {
    private ImageOps() {
    }

    private static final Map<ConvGeometry, int[]> GATHER = new ConcurrentHashMap<>();

    /**
     * For one image, the pixel offset each entry of its unfolded patches reads, in {@code cols}
     * order ({@code positions x patchSize}), or -1 where the entry lies in the padding. Built once
     * per geometry.
     */
    static int[] gatherIndex(ConvGeometry g) {
        return GATHER.computeIfAbsent(g, ImageOps::buildGatherIndex);
    }

    private static int[] buildGatherIndex(ConvGeometry g) {
        int h = g.height();
        int w = g.width();
        int k = g.kernel();
        int[] index = new int[g.positions() * g.patchSize()];
        int at = 0;
        for (int y = 0; y < g.outHeight(); y++) {
            for (int x = 0; x < g.outWidth(); x++) {
                for (int c = 0; c < g.channels(); c++) {
                    for (int kh = 0; kh < k; kh++) {
                        int iy = y * g.stride() - g.padding() + kh;
                        for (int kw = 0; kw < k; kw++) {
                            int ix = x * g.stride() - g.padding() + kw;
                            boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
                            index[at++] = inside ? (c * h + iy) * w + ix : -1;
                        }
                    }
                }
            }
        }
        return index;
    }

    /** Patches of images {@code [b0, b1)} into their rows of {@code cols}. */
    static void im2col(ConvGeometry g, float[] image, float[] cols, int b0, int b1) {
        int[] index = gatherIndex(g);
        int n = index.length;
        for (int b = b0; b < b1; b++) {
            int in = b * g.imageSize();
            int out = b * n;
            for (int i = 0; i < n; i++) {
                int src = index[i];
                cols[out + i] = src >= 0 ? image[in + src] : 0f;
            }
        }
    }

    /** The adjoint of {@link #im2col} for images {@code [b0, b1)}, adding patches in row order. */
    static void col2im(ConvGeometry g, float[] cols, float[] image, boolean accumulate, int b0, int b1) {
        int[] index = gatherIndex(g);
        int n = index.length;
        for (int b = b0; b < b1; b++) {
            int in = b * g.imageSize();
            if (!accumulate) {
                Arrays.fill(image, in, in + g.imageSize(), 0f);
            }
            int from = b * n;
            for (int i = 0; i < n; i++) {
                int dst = index[i];
                if (dst >= 0) {
                    image[in + dst] += cols[from + i];
                }
            }
        }
    }

    /** {@code dst[m] (+)= src[m]^T} for matrices {@code [m0, m1)}, each rows x cols. */
    static void transposeEach(float[] src, int rows, int cols, float[] dst, boolean accumulate, int m0, int m1) {
        int size = rows * cols;
        for (int m = m0; m < m1; m++) {
            int base = m * size;
            for (int i = 0; i < rows; i++) {
                int from = base + i * cols;
                for (int j = 0, to = base + i; j < cols; j++, to += rows) {
                    dst[to] = accumulate ? dst[to] + src[from + j] : src[from + j];
                }
            }
        }
    }

    /** {@code act(z + bias[c])} over whole planes {@code [p0, p1)} of an NCHW batch. */
    static void channelBiasActivation(Activation act, float[] z, int channels, int plane, float[] bias, int biasOff,
                                      int p0, int p1) {
        for (int q = p0; q < p1; q++) {
            float beta = bias[biasOff + q % channels];
            for (int i = q * plane, end = i + plane; i < end; i++) {
                z[i] = act.apply(z[i] + beta);
            }
        }
    }

    /**
     * Per-channel sums over images and plane for channels {@code [c0, c1)}: each plane is summed
     * with four interleaved partial sums, and the planes are added in image order.
     */
    static void channelSums(float[] g, int batch, int channels, int plane, float[] out, int outOff, boolean accumulate,
                            int c0, int c1) {
        for (int c = c0; c < c1; c++) {
            float total = 0f;
            for (int b = 0; b < batch; b++) {
                int from = (b * channels + c) * plane;
                total += planeSum(g, from, from + plane);
            }
            out[outOff + c] = accumulate ? out[outOff + c] + total : total;
        }
    }

    private static float planeSum(float[] g, int from, int to) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            s0 += g[i];
            s1 += g[i + 1];
            s2 += g[i + 2];
            s3 += g[i + 3];
        }
        for (; i < to; i++) {
            s0 += g[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
