package dev.aebench.variational;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.jacobian.Differentiable;
import dev.aebench.core.jacobian.DifferentiableEncoder;
import dev.aebench.core.jacobian.StackEncoder;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.LayeredEncoder;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.Layer;
import dev.aebench.core.nn.LayerStack;
import dev.aebench.core.train.ArenaAutoencoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A (beta-)VAE: encoder {@code x -> hidden (ReLU) ... -> [mu | logvar]} (one dense head of
 * {@code 2 latent} outputs), a reparameterised sample, decoder {@code z -> hidden (ReLU) ... ->
 * x_hat (sigmoid)}. The training loss per sample is {@code recon + beta KL}, recon summed over
 * pixels and both averaged over the batch; {@code eps} is drawn from the step seed with the
 * counter-based {@link Kernels#gaussian}. No arrays are allocated per step.
 */
public final class VariationalAutoencoder extends ArenaAutoencoder implements Differentiable, LayeredEncoder {
    private final VaeSpec spec;
    private final LayerStack encoder;
    private final LayerStack decoder;
    private final GaussianLatent latent;
    private final float[] eps;
    private final float[] z;
    private final float[] gradZ;
    private double lastReconstruction;
    private double lastKl;

    public VariationalAutoencoder(VaeSpec spec, ModelContext context) {
        super(context, spec.batch(), spec.learningRate(), Math.max(spec.batch(), 256), null);
        this.spec = spec;
        int[] hidden = spec.hidden();
        int k = spec.latent();
        List<Layer> down = new ArrayList<>();
        int prev = inputDim;
        for (int h : hidden) {
            down.add(new DenseLayer(kernels, arena, prev, h, Activation.RELU, maxRows));
            prev = h;
        }
        down.add(new DenseLayer(kernels, arena, prev, 2 * k, Activation.IDENTITY, maxRows));
        List<Layer> up = new ArrayList<>();
        prev = k;
        for (int i = hidden.length - 1; i >= 0; i--) {
            up.add(new DenseLayer(kernels, arena, prev, hidden[i], Activation.RELU, maxRows));
            prev = hidden[i];
        }
        up.add(new DenseLayer(kernels, arena, prev, inputDim, Activation.SIGMOID, maxRows));
        this.encoder = new LayerStack(down);
        this.decoder = new LayerStack(up);
        this.latent = new GaussianLatent(k);
        arena.seal();
        long initSeed = CounterRandom.derive(seed, 77);
        int index = 0;
        for (Layer l : down) {
            ((DenseLayer) l).initUniform(CounterRandom.derive(initSeed, index++));
        }
        for (Layer l : up) {
            ((DenseLayer) l).initUniform(CounterRandom.derive(initSeed, index++));
        }
        this.eps = new float[maxRows * k];
        this.z = new float[maxRows * k];
        this.gradZ = new float[maxRows * k];
    }

    public VaeSpec spec() {
        return spec;
    }

    /**
     * The batch's mean {@code recon + beta KL} per sample, with {@code eps} drawn from the step
     * seed (the model does not corrupt its input).
     */
    @Override
    protected double lossAndGradients(float[] batch, float[] input, int rows, long stepSeed) {
        kernels.gaussian(stepSeed, eps, 0, rows * spec.latent());
        return forwardBackwardWithNoise(batch, rows);
    }

    /**
     * Forward and backward with the given standard-normal noise (rows x latent) instead of
     * drawing it: the sampling path with a fixed eps, for gradient checks.
     */
    public double forwardBackwardWithNoise(float[] batch, int rows, float[] noise) {
        System.arraycopy(noise, 0, eps, 0, rows * spec.latent());
        return forwardBackwardWithNoise(batch, rows);
    }

    private double forwardBackwardWithNoise(float[] batch, int rows) {
        beginGradients();
        float[] head = encoder.forward(batch, rows);
        latent.sample(head, rows, eps, z);
        float[] out = decoder.forward(z, rows);
        // reconstruction summed over pixels, averaged over rows: the mean loss times the pixel count
        double recon = inputDim * kernels.sigmoidOutputLoss(spec.decoder().loss(), out, batch, rows * inputDim,
                decoder.gradOutput(), inputDim);
        double kl = latent.klSum(head, rows) / rows;
        decoder.backward(z, rows, gradZ, false, true);
        latent.backward(head, rows, eps, gradZ, spec.beta() / rows, encoder.gradOutput());
        encoder.backward(batch, rows, null, false, false);
        lastReconstruction = recon;
        lastKl = kl;
        return recon + spec.beta() * kl;
    }

    /** The reconstruction term (per sample) of the last forward pass. */
    public double lastReconstruction() {
        return lastReconstruction;
    }

    /** The KL term (per sample, unweighted) of the last forward pass. */
    public double lastKl() {
        return lastKl;
    }

    /** Encodes to the posterior mean. */
    @Override
    public void encode(float[] x, int rows, float[] codes) {
        int k = spec.latent();
        inChunks(x, rows, inputDim, (in, n, first) -> {
            float[] head = encoder.forward(in, n);
            for (int r = 0; r < n; r++) {
                System.arraycopy(head, r * 2 * k, codes, (first + r) * k, k);
            }
        });
    }

    /** The decoder's output (Bernoulli means, or Gaussian means) for latent codes. */
    @Override
    public void decode(float[] codes, int rows, float[] out) {
        forwardInChunks(decoder, codes, rows, out);
    }

    /**
     * Per-sample test metrics with one posterior sample per image (seeded, so repeatable):
     * {@code test_recon} (summed over pixels), {@code test_kl}, and {@code test_elbo} =
     * -(recon + KL) in nats (beta does not enter the ELBO).
     */
    @Override
    public Map<String, Double> extraMetrics(Dataset test) {
        int k = spec.latent();
        double recon = 0;
        double kl = 0;
        float[] in = new float[maxRows * inputDim];
        for (int s = 0; s < test.size(); s += maxRows) {
            int n = Math.min(maxRows, test.size() - s);
            System.arraycopy(test.x(), s * inputDim, in, 0, n * inputDim);
            float[] head = encoder.forward(in, n);
            kernels.gaussian(CounterRandom.derive(seed, 4_000_037L + s), eps, 0, n * k);
            latent.sample(head, n, eps, z);
            float[] out = decoder.forward(z, n);
            recon += (double) n * inputDim * kernels.loss(spec.decoder().loss(), out, in, n * inputDim, null, 1f);
            kl += latent.klSum(head, n);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("test_elbo", -(recon + kl) / test.size());
        m.put("test_recon", recon / test.size());
        m.put("test_kl", kl / test.size());
        return m;
    }

    @Override
    public int codeDim() {
        return spec.latent();
    }

    @Override
    public LayerStack encoderLayers() {
        return encoder;
    }

    public LayerStack decoderLayers() {
        return decoder;
    }

    public GaussianLatent latent() {
        return latent;
    }

    /** The encoder's mean head (the code) with its exact Jacobians. */
    @Override
    public DifferentiableEncoder differentiableEncoder() {
        return new StackEncoder(this, encoder, arena, maxRows, Activation.IDENTITY);
    }
}
