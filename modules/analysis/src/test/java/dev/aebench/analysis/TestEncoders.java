package dev.aebench.analysis;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.FitReport;

import java.util.List;

/** Small encoders for the analysis tests: a linear map {@code f(x) = A x} and a stack of dense layers. */
final class TestEncoders {
    private TestEncoders() {
    }

    /** An encoder-only model; decode is the identity padding (unused by these tests). */
    abstract static class EncoderOnly implements Autoencoder {
        @Override
        public long parameterCount() {
            return 0;
        }

        @Override
        public FitReport fit(Dataset train, int epochs, EpochListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void decode(float[] codes, int rows, float[] out) {
            throw new UnsupportedOperationException();
        }
    }

    /** {@code f(x) = A x} with A codeDim x inputDim, row-major, computed in double. */
    static final class Linear extends EncoderOnly {
        final double[][] a;

        Linear(double[][] a) {
            this.a = a;
        }

        @Override
        public int inputDim() {
            return a[0].length;
        }

        @Override
        public int codeDim() {
            return a.length;
        }

        @Override
        public void encode(float[] x, int rows, float[] codes) {
            int n = inputDim();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < a.length; c++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += a[c][i] * x[r * n + i];
                    }
                    codes[r * a.length + c] = (float) s;
                }
            }
        }

        float[] flat() {
            int n = inputDim();
            float[] j = new float[a.length * n];
            for (int c = 0; c < a.length; c++) {
                for (int i = 0; i < n; i++) {
                    j[c * n + i] = (float) a[c][i];
                }
            }
            return j;
        }
    }

    /** Dense layers run one after another (each call at most the layers' row capacity). */
    static final class Stack extends EncoderOnly {
        final List<DenseLayer> layers;

        Stack(List<DenseLayer> layers) {
            this.layers = layers;
        }

        @Override
        public int inputDim() {
            return layers.get(0).inputSize();
        }

        @Override
        public int codeDim() {
            return layers.get(layers.size() - 1).outputSize();
        }

        @Override
        public void encode(float[] x, int rows, float[] codes) {
            float[] y = x;
            for (DenseLayer l : layers) {
                l.forward(y, rows);
                y = l.output();
            }
            System.arraycopy(y, 0, codes, 0, rows * codeDim());
        }
    }

    static double[][] randomMatrix(int rows, int cols, long seed) {
        double[][] a = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                a[r][c] = CounterRandom.gaussian(seed, (long) r * cols + c);
            }
        }
        return a;
    }

    static float[] uniform(int n, long seed) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = CounterRandom.uniform(seed, i);
        }
        return x;
    }
}
