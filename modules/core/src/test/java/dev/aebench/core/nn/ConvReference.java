package dev.aebench.core.nn;

/**
 * Convolutions straight from their definitions, in double precision, with PyTorch's weight
 * layouts: {@code [out, in, k, k]} for Conv2d and {@code [in, out, k, k]} for ConvTranspose2d.
 */
final class ConvReference {
    private ConvReference() {
    }

    static double[] conv2d(float[] x, int batch, int in, int h, int w, float[] weight, float[] bias, int out,
                           int k, int stride, int pad) {
        int oh = (h + 2 * pad - k) / stride + 1;
        int ow = (w + 2 * pad - k) / stride + 1;
        double[] y = new double[batch * out * oh * ow];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                for (int yy = 0; yy < oh; yy++) {
                    for (int xx = 0; xx < ow; xx++) {
                        double s = bias[o];
                        for (int c = 0; c < in; c++) {
                            for (int kh = 0; kh < k; kh++) {
                                for (int kw = 0; kw < k; kw++) {
                                    int iy = yy * stride - pad + kh;
                                    int ix = xx * stride - pad + kw;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                        s += (double) x[((b * in + c) * h + iy) * w + ix]
                                                * weight[((o * in + c) * k + kh) * k + kw];
                                    }
                                }
                            }
                        }
                        y[((b * out + o) * oh + yy) * ow + xx] = s;
                    }
                }
            }
        }
        return y;
    }

    static double[] convTranspose2d(float[] x, int batch, int in, int h, int w, float[] weight, float[] bias, int out,
                                    int k, int stride, int pad, int outputPad) {
        int oh = (h - 1) * stride - 2 * pad + k + outputPad;
        int ow = (w - 1) * stride - 2 * pad + k + outputPad;
        double[] y = new double[batch * out * oh * ow];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < oh * ow; i++) {
                    y[(b * out + o) * oh * ow + i] = bias[o];
                }
            }
            for (int c = 0; c < in; c++) {
                for (int iy = 0; iy < h; iy++) {
                    for (int ix = 0; ix < w; ix++) {
                        double v = x[((b * in + c) * h + iy) * w + ix];
                        for (int o = 0; o < out; o++) {
                            for (int kh = 0; kh < k; kh++) {
                                for (int kw = 0; kw < k; kw++) {
                                    int yy = iy * stride - pad + kh;
                                    int xx = ix * stride - pad + kw;
                                    if (yy >= 0 && yy < oh && xx >= 0 && xx < ow) {
                                        y[((b * out + o) * oh + yy) * ow + xx] += v * weight[((c * out + o) * k + kh) * k + kw];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return y;
    }
}
