package dev.aebench.nd4j;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.ScalarKernels;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.HashMap;
import java.util.Map;

/**
 * The kernel interface on ND4J 1.0.0-M2.1: GEMM (and so the Gram products), bias + activation,
 * its backward and column sums are ND4J operations; Adam, losses, noise and the image
 * unfolding are the scalar reference's. Our matrices are {@code float[]} slices, so every call
 * copies its operands into ND4J arrays and the result back: that cost is part of what the
 * engine comparison measures. (Adam written as ND4J array operations took 15-24 ms per step
 * over the 402k parameters of {@code ae}, ten times the scalar loop, so it stays scalar.) ND4J
 * does not promise the same bits for another thread count; the tests compare it with the
 * scalar kernels within rounding.
 */
public final class Nd4jKernels extends ScalarKernels {

    public Nd4jKernels(int threads) {
        super(threads);
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
    }

    @Override
    public String name() {
        return "nd4j-" + Nd4j.getBackend().getClass().getSimpleName().replace("Backend", "").toLowerCase();
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     boolean accumulate, float[] c, int cOff, int ldc) {
        checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            super.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
            return;
        }
        INDArray left = matrix(0, a, aOff, lda, transA ? k : m, transA ? m : k);
        INDArray right = matrix(1, b, bOff, ldb, transB ? n : k, transB ? k : n);
        INDArray out = accumulate ? matrix(2, c, cOff, ldc, m, n) : array(2, m, n);
        Nd4j.gemm(left, right, out, transA, transB, 1.0, accumulate ? 1.0 : 0.0);
        store(out, c, cOff, ldc, m, n);
    }

    @Override
    public void biasActivation(Activation act, float[] z, int rows, int cols, float[] bias, int biasOff) {
        INDArray x = matrix(0, z, 0, cols, rows, cols);
        x.addiRowVector(matrix(1, bias, biasOff, cols, 1, cols));
        switch (act) {
            case SIGMOID -> Transforms.sigmoid(x, false);
            case RELU -> Transforms.relu(x, false);
            case TANH -> Transforms.tanh(x, false);
            case IDENTITY -> { }
        }
        store(x, z, 0, cols, rows, cols);
    }

    @Override
    public void activationBackward(Activation act, float[] y, float[] grad, int n) {
        if (act == Activation.IDENTITY || n == 0) {
            return;
        }
        INDArray out = matrix(0, y, 0, n, 1, n);
        INDArray g = matrix(1, grad, 0, n, 1, n);
        INDArray slope = switch (act) {
            case SIGMOID -> array(2, 1, n).assign(out).rsubi(1.0).muli(out);
            case TANH -> array(2, 1, n).assign(out).muli(out).rsubi(1.0);
            case RELU -> out.gt(0.0).castTo(DataType.FLOAT);
            case IDENTITY -> throw new IllegalStateException();
        };
        g.muli(slope);
        store(g, grad, 0, n, 1, n);
    }

    @Override
    public void columnSums(float[] a, int rows, int cols, float[] out, int outOff, boolean accumulate) {
        if (rows == 0) {
            if (!accumulate) {
                java.util.Arrays.fill(out, outOff, outOff + cols, 0f);
            }
            return;
        }
        float[] sums = matrix(0, a, 0, cols, rows, cols).sum(0).toFloatVector();
        for (int j = 0; j < cols; j++) {
            out[outOff + j] = accumulate ? out[outOff + j] + sums[j] : sums[j];
        }
    }

    /**
     * Per slot (an operand position) and shape, one ND4J array reused from call to call, filled
     * and read with bulk copies through its native pointer: allocating ND4J's off-heap arrays
     * per call tripled the time of a step.
     * Calls come from one thread.
     */
    private final Map<Long, INDArray> arrays = new HashMap<>();

    private static long key(int slot, int rows, int cols) {
        return ((long) slot << 56) | ((long) rows << 28) | cols;
    }

    private INDArray array(int slot, int rows, int cols) {
        return arrays.computeIfAbsent(key(slot, rows, cols), x -> Nd4j.create(DataType.FLOAT, rows, cols));
    }

    /** The slot's rows x cols array holding the slice starting at {@code off} with leading dimension {@code ld}. */
    private INDArray matrix(int slot, float[] x, int off, int ld, int rows, int cols) {
        INDArray m = array(slot, rows, cols);
        FloatPointer to = (FloatPointer) m.data().addressPointer();
        if (ld == cols) {
            to.put(x, off, rows * cols);
        } else {
            for (int r = 0; r < rows; r++) {
                to.position((long) r * cols).put(x, off + r * ld, cols);
            }
            to.position(0);
        }
        return m;
    }

    /** Copies a rows x cols array back into the slice (bulk copies out of ND4J's buffer). */
    private static void store(INDArray from, float[] x, int off, int ld, int rows, int cols) {
        FloatPointer src = (FloatPointer) from.data().addressPointer();
        if (ld == cols) {
            src.get(x, off, rows * cols);
        } else {
            for (int r = 0; r < rows; r++) {
                src.position((long) r * cols).get(x, off + r * ld, cols);
            }
            src.position(0);
        }
    }
}
