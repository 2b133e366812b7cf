package dev.aebench.core.jacobian;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.ParameterArena;

import java.util.Arrays;

/**
 * The Jacobian norm of a one-layer encoder, where {@code J = diag(D) W^T} and so
 * {@code ||J||_F^2 = sum_j D_j^2 ||W_j||^2} ({@code W_j} the input weights of unit j, a column of
 * the input-major W): for one sigmoid layer, Rifai et al.'s closed form. Per step: the column
 * norms once (O(in x out)), an element-wise pass over the batch, and the exact gradient:
 * {@code dP/dy = 2s D ||W_j||^2 dD/dy} on the outputs and
 * {@code dP/dW_ij = 2s (sum_b D_bj^2) W_ij} on the weights, with {@code s = lambda / B}.
 */
public final class DiagonalJacobianNorm implements JacobianNorm {
    private final DenseLayer layer;
    private final Activation activation;
    private final float[] columnNorms;
    private final double[] unitSums;
    private final float[] weightFactors;

    public DiagonalJacobianNorm(DenseLayer layer) {
        this.layer = layer;
        this.activation = layer.activation();
        this.columnNorms = new float[layer.outputSize()];
        this.unitSums = new double[layer.outputSize()];
        this.weightFactors = new float[layer.outputSize()];
    }

    @Override
    public double apply(ParameterArena arena, int rows, long stepSeed, double lambda, boolean withGradient) {
        int in = layer.inputSize();
        int out = layer.outputSize();
        float[] p = arena.params();
        int w = layer.weightOffset();
        Arrays.fill(columnNorms, 0f);
        for (int i = 0; i < in; i++) {
            int row = w + i * out;
            for (int j = 0; j < out; j++) {
                float v = p[row + j];
                columnNorms[j] = Math.fma(v, v, columnNorms[j]);
            }
        }
        double scale = lambda / rows;
        float twoScale = (float) (2 * scale);
        float[] y = layer.output();
        float[] g = layer.gradOutput();
        Arrays.fill(unitSums, 0);
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * out;
            for (int j = 0; j < out; j++) {
                float yj = y[base + j];
                float d = activation.derivativeFromOutput(yj);
                float dd = d * d;
                sum += dd * columnNorms[j];
                unitSums[j] += dd;
                if (withGradient) {
                    g[base + j] += twoScale * d * columnNorms[j] * activation.derivativeFromOutputSlope(yj);
                }
            }
        }
        if (withGradient) {
            float[] grads = arena.grads();
            for (int j = 0; j < out; j++) {
                weightFactors[j] = (float) (2 * scale * unitSums[j]);
            }
            for (int i = 0; i < in; i++) {
                int row = w + i * out;
                for (int j = 0; j < out; j++) {
                    grads[row + j] = Math.fma(weightFactors[j], p[row + j], grads[row + j]);
                }
            }
        }
        return scale * sum;
    }
}
