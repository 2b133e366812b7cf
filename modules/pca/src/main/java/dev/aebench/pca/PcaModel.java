package dev.aebench.pca;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.jacobian.Differentiable;
import dev.aebench.core.jacobian.DifferentiableEncoder;
import dev.aebench.core.jacobian.LinearEncoder;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.LayeredEncoder;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.LayerStack;
import dev.aebench.core.nn.ParameterArena;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.Evaluation;
import dev.aebench.core.train.FitReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PCA as an autoencoder: encode {@code (x - mean) V_k}, decode {@code z V_k^T + mean}. Fitting
 * computes the covariance with the kernels' GEMM and its top-k eigenvectors; it has no epochs.
 */
public final class PcaModel implements Autoencoder, Differentiable, LayeredEncoder {
    private final PcaOptions options;
    private final Kernels kernels;
    private final int dim;
    private final long seed;
    private float[] components;
    private float[] mean;
    private float[] codeOffset;
    private double[] eigenvalues;
    private double totalVariance;
    private int iterations;

    public PcaModel(PcaOptions options, ModelContext context) {
        this.options = options;
        this.kernels = context.kernels();
        this.dim = context.inputDim();
        this.seed = context.seed();
    }

    @Override
    public FitReport fit(Dataset train, int epochs, EpochListener listener) {
        long t0 = System.nanoTime();
        double[] mu = Covariance.mean(train);
        float[] cov = Covariance.of(train, mu, kernels);
        int k = options.k();
        EigenSolver.Eigen e = options.solver().equals("exact")
                ? EigenSolver.exact(cov, dim, k)
                : EigenSolver.subspace(cov, dim, k, CounterRandom.derive(seed, 5), kernels);
        components = e.vectors();
        eigenvalues = e.values();
        iterations = e.iterations();
        totalVariance = 0;
        for (int i = 0; i < dim; i++) {
            totalVariance += cov[i * dim + i];
        }
        mean = new float[dim];
        for (int j = 0; j < dim; j++) {
            mean[j] = (float) mu[j];
        }
        codeOffset = new float[k];
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int j = 0; j < dim; j++) {
                s += mu[j] * components[j * k + c];
            }
            codeOffset[c] = (float) -s;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double trainMse = Evaluation.reconstructionMse(this, train);
        listener.epochDone(1, 1, trainMse, seconds);
        return new FitReport(List.of(trainMse), List.of(seconds), 0);
    }

    @Override
    public void encode(float[] x, int rows, float[] codes) {
        int k = options.k();
        kernels.gemm(false, false, rows, k, dim, x, 0, dim, components, 0, k, false, codes, 0, k);
        kernels.biasActivation(Activation.IDENTITY, codes, rows, k, codeOffset, 0);
    }

    @Override
    public void decode(float[] codes, int rows, float[] out) {
        int k = options.k();
        kernels.gemm(false, true, rows, dim, k, codes, 0, k, components, 0, k, false, out, 0, dim);
        kernels.biasActivation(Activation.IDENTITY, out, rows, dim, mean, 0);
    }

    @Override
    public Map<String, Double> extraMetrics(Dataset test) {
        Map<String, Double> m = new LinkedHashMap<>();
        double kept = 0;
        for (double v : eigenvalues) {
            kept += v;
        }
        m.put("explained_variance", kept / totalVariance);
        m.put("solver_iterations", (double) iterations);
        return m;
    }

    /**
     * The projection as one linear dense layer, {@code W = V_k} and {@code b = -mean V_k} (in an
     * arena of its own, buffers for one row): what a fine-tuned classifier starts from.
     */
    @Override
    public LayerStack encoderLayers() {
        if (components == null) {
            throw new IllegalStateException("encoderLayers() before fit()");
        }
        int k = options.k();
        ParameterArena arena = new ParameterArena();
        DenseLayer layer = new DenseLayer(kernels, arena, dim, k, Activation.IDENTITY, 1);
        arena.seal();
        System.arraycopy(components, 0, arena.params(), layer.weightOffset(), dim * k);
        System.arraycopy(codeOffset, 0, arena.params(), layer.biasOffset(), k);
        return new LayerStack(java.util.List.of(layer));
    }

    /** The fitted components, d x k row-major (column c is component c); null before fit. */
    public float[] components() {
        return components == null ? null : components.clone();
    }

    public double[] eigenvalues() {
        return eigenvalues == null ? null : eigenvalues.clone();
    }

    @Override
    public int inputDim() {
        return dim;
    }

    @Override
    public int codeDim() {
        return options.k();
    }

    @Override
    public long parameterCount() {
        return (long) dim * options.k() + dim;
    }

    /** The projection's constant Jacobian {@code V_k^T}; fit first. */
    @Override
    public DifferentiableEncoder differentiableEncoder() {
        return LinearEncoder.ofColumns(this, components);
    }
}
