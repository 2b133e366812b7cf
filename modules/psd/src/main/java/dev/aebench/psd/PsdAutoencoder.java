package dev.aebench.psd;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.LossKind;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.train.ArenaAutoencoder;

import java.util.Map;

/**
 * Predictive sparse decomposition (Kavukcuoglu, Ranzato and LeCun 2008): a linear dictionary
 * decoder {@code x ~ h D} ({@code hidden} unit-norm atoms, the rows of D) and a predictor
 * {@link ShrinkEncoder} {@code f(x)}, trained on the per-sample energy
 * {@code E = ||x - h D||^2 + lambda ||h||_1 + alpha ||h - f(x)||^2}.
 *
 * <p>A training step infers the codes {@code h*} by {@link Fista} from {@code f(x)}, then holds
 * them fixed: D gets the gradient of the reconstruction term and f of the prediction term (by
 * the envelope theorem, the gradient of {@code min_h E} with respect to D when h* is the
 * minimiser), Adam updates both, and the atoms are renormalised to unit length and the
 * thresholds clamped at 0. The objective returned is the batch mean of E at h*. At test time
 * the codes are the encoder's, one forward pass; {@link #decode} is {@code h D}.
 */
public final class PsdAutoencoder extends ArenaAutoencoder {
    /** Codes with {@code |h|} below this count as zeros in {@code code_sparsity}. */
    public static final float ZERO = 1e-3f;

    private final PsdSpec spec;
    private final int codes;
    private final int dictOffset;
    private final ShrinkEncoder encoder;
    private final Fista fista;
    private final float[] reconstruction;
    private final float[] gradReconstruction;
    private final float[] gradPrediction;

    public PsdAutoencoder(PsdSpec spec, ModelContext context) {
        super(context, spec.batch(), spec.learningRate(), Math.max(spec.batch(), 256), null);
        this.spec = spec;
        this.codes = spec.hidden();
        this.dictOffset = arena.reserve(Math.multiplyExact(codes, inputDim));
        this.encoder = new ShrinkEncoder(kernels, arena, inputDim, codes, maxRows);
        arena.seal();
        long initSeed = CounterRandom.derive(seed, 77);
        kernels.gaussian(CounterRandom.derive(initSeed, 0), arena.params(), dictOffset, codes * inputDim);
        normaliseAtoms();
        encoder.init(CounterRandom.derive(initSeed, 1), (float) (spec.lambda() / (2 * (1 + spec.alpha()))));
        this.fista = new Fista(kernels, inputDim, codes, maxRows);
        this.reconstruction = new float[maxRows * inputDim];
        this.gradReconstruction = new float[maxRows * inputDim];
        this.gradPrediction = new float[maxRows * codes];
    }

    public PsdSpec spec() {
        return spec;
    }

    @Override
    protected double lossAndGradients(float[] target, float[] input, int rows, long stepSeed) {
        float[] prediction = encoder.forward(input, rows);
        fista.prepare(arena.params(), dictOffset, spec.alpha(), false);
        float[] h = infer(input, prediction, rows);
        return codeLossAndGradients(target, input, rows, h, prediction);
    }

    /** FISTA's warm-started eigenvector estimate carries over from step to step: a checkpoint keeps it. */
    @Override
    protected Map<String, float[]> trainingState() {
        return Map.of("fista_power_vector", fista.powerVector());
    }

    @Override
    protected void trainingStateRestored() {
        fista.markWarm();
    }

    /**
     * The codes FISTA infers for the first rows of x (at most maxRows), started at the encoder's
     * prediction, with the step size computed afresh as the test metrics do.
     */
    float[] inferCodes(float[] x, int rows) {
        fista.prepare(arena.params(), dictOffset, spec.alpha(), true);
        return infer(x, encoder.forward(x, rows), rows);
    }

    /** FISTA from {@code prediction}; {@link Fista#prepare} must have seen the current dictionary. */
    private float[] infer(float[] x, float[] prediction, int rows) {
        return fista.infer(x, prediction, rows, arena.params(), dictOffset, spec.lambda(), spec.alpha(),
                spec.fistaSteps());
    }

    /**
     * The batch mean of E with the codes held at {@code h} (rows x hidden), and its gradients
     * with respect to D, W, b and theta left in the arena: what a training step does after
     * inference, exposed for gradient checks.
     */
    double codeLossAndGradients(float[] x, int rows, float[] h) {
        return codeLossAndGradients(x, x, rows, h, encoder.forward(x, rows));
    }

    private double codeLossAndGradients(float[] target, float[] input, int rows, float[] h, float[] prediction) {
        beginGradients();
        float[] p = arena.params();
        kernels.gemm(false, false, rows, inputDim, codes, h, 0, codes, p, dictOffset, inputDim, false,
                reconstruction, 0, inputDim);
        // sum over pixels, mean over rows: the mean times the pixel count; gradient 2 (h D - x) / rows
        double recon = inputDim * kernels.loss(LossKind.MSE, reconstruction, target, rows * inputDim,
                gradReconstruction, inputDim);
        kernels.gemm(true, false, codes, inputDim, rows, h, 0, codes, gradReconstruction, 0, inputDim, true,
                arena.grads(), dictOffset, inputDim);
        double prediction2 = 0;
        if (spec.alpha() > 0) {
            prediction2 = codes * kernels.loss(LossKind.MSE, prediction, h, rows * codes, gradPrediction,
                    (float) (spec.alpha() * codes));
            encoder.backward(input, rows, gradPrediction);
        }
        double l1 = 0;
        for (int i = 0; i < rows * codes; i++) {
            l1 += Math.abs(h[i]);
        }
        return recon + spec.lambda() * l1 / rows + spec.alpha() * prediction2;
    }

    /** Unit-length atoms and non-negative thresholds after every update. */
    @Override
    protected void afterUpdate() {
        normaliseAtoms();
        encoder.clampThresholds();
    }

    private void normaliseAtoms() {
        float[] p = arena.params();
        for (int a = 0; a < codes; a++) {
            int from = dictOffset + a * inputDim;
            double sum = 0;
            for (int i = from; i < from + inputDim; i++) {
                sum += (double) p[i] * p[i];
            }
            if (sum > 0) {
                float scale = (float) (1.0 / Math.sqrt(sum));
                for (int i = from; i < from + inputDim; i++) {
                    p[i] *= scale;
                }
            }
        }
    }

    /** The encoder's codes {@code f(x)}: one forward pass, no inference. */
    @Override
    public void encode(float[] x, int rows, float[] out) {
        inChunks(x, rows, inputDim, (in, n, first) ->
                System.arraycopy(encoder.forward(in, n), 0, out, first * codes, n * codes));
    }

    @Override
    public void decode(float[] h, int rows, float[] out) {
        kernels.gemm(false, false, rows, inputDim, codes, h, 0, codes, arena.params(), dictOffset, inputDim, false,
                out, 0, inputDim);
    }

    /**
     * {@code code_sparsity} (the encoder's test codes), and, with the codes FISTA infers from
     * them, {@code inferred_code_sparsity} and {@code inferred_test_mse}.
     */
    @Override
    protected void addTestMetrics(Dataset test, Map<String, Double> metrics) {
        long zeros = 0;
        long inferredZeros = 0;
        double squares = 0;
        float[] in = new float[maxRows * inputDim];
        fista.prepare(arena.params(), dictOffset, spec.alpha(), true);
        for (int s = 0; s < test.size(); s += maxRows) {
            int n = Math.min(maxRows, test.size() - s);
            System.arraycopy(test.x(), s * inputDim, in, 0, n * inputDim);
            float[] prediction = encoder.forward(in, n);
            zeros += countZeros(prediction, n * codes);
            float[] h = infer(in, prediction, n);
            inferredZeros += countZeros(h, n * codes);
            decode(h, n, reconstruction);
            squares += (double) n * inputDim * kernels.loss(LossKind.MSE, reconstruction, in, n * inputDim, null, 1f);
        }
        double cells = (double) test.size() * codes;
        metrics.put("code_sparsity", zeros / cells);
        metrics.put("inferred_code_sparsity", inferredZeros / cells);
        metrics.put("inferred_test_mse", squares / ((double) test.size() * inputDim));
    }

    static long countZeros(float[] h, int n) {
        long z = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(h[i]) < ZERO) {
                z++;
            }
        }
        return z;
    }

    @Override
    public int codeDim() {
        return codes;
    }

    int dictionaryOffset() {
        return dictOffset;
    }

    ShrinkEncoder encoder() {
        return encoder;
    }

    Fista fista() {
        return fista;
    }
}
