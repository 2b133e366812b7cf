package dev.aebench.core.dense;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.Layer;
import dev.aebench.core.nn.ParameterArena;
import dev.aebench.core.nn.TiedDenseLayer;
import dev.aebench.core.objective.Corruption;
import dev.aebench.core.objective.EncoderState;
import dev.aebench.core.objective.ObjectiveRegistry;
import dev.aebench.core.objective.Penalty;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.Evaluation;
import dev.aebench.core.train.FitReport;
import dev.aebench.core.train.ArenaTrainer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The composed dense autoencoder every dense family builds: architecture (a mirrored stack of
 * dense layers, optionally tied) + objective (reconstruction loss + penalties) + optional input
 * corruption. One step: corrupt, forward, loss, decoder backward, penalties, encoder backward,
 * Adam; no arrays are allocated per step.
 */
public final class DenseAutoencoder implements Autoencoder, EncoderState {
    private final DenseSpec spec;
    private final Kernels kernels;
    private final ParameterArena arena = new ParameterArena();
    private ArenaTrainer trainer;
    private final List<DenseLayer> encoder = new ArrayList<>();
    private final List<Layer> decoder = new ArrayList<>();
    private final List<Penalty> penalties;
    private final Corruption corruption;
    private final int inputDim;
    private final int maxRows;
    private final long seed;
    private final float[] corrupted;
    private float[] currentInput;
    private int currentRows;
    private long currentStepSeed;

    public DenseAutoencoder(DenseSpec spec, ModelContext context, ObjectiveRegistry objectives) {
        this.spec = spec;
        this.kernels = context.kernels();
        this.inputDim = context.inputDim();
        this.seed = context.seed();
        this.maxRows = Math.max(spec.batch(), 1000);
        int[] sizes = spec.hidden();
        int prev = inputDim;
        for (int h : sizes) {
            encoder.add(new DenseLayer(kernels, arena, prev, h, spec.activation(), maxRows));
            prev = h;
        }
        for (int i = sizes.length - 1; i >= 0; i--) {
            int out = i == 0 ? inputDim : sizes[i - 1];
            Activation act = i == 0 ? spec.output() : spec.activation();
            decoder.add(spec.tied() ? new TiedDenseLayer(kernels, encoder.get(i), act, maxRows)
                    : new DenseLayer(kernels, arena, prev, out, act, maxRows));
            prev = out;
        }
        arena.seal();
        long initSeed = CounterRandom.derive(seed, 77);
        int li = 0;
        for (DenseLayer l : encoder) {
            l.initUniform(CounterRandom.derive(initSeed, li++));
        }
        for (Layer l : decoder) {
            long s = CounterRandom.derive(initSeed, li++);
            if (l instanceof DenseLayer d) {
                d.initUniform(s);
            } else if (l instanceof TiedDenseLayer t) {
                t.initUniform(s);
            }
        }
        this.corruption = objectives.corruption(spec.corruption());
        this.corrupted = corruption == null ? null : new float[maxRows * inputDim];
        this.penalties = objectives.penalties(spec.penalty(), this);
    }

    public DenseSpec spec() {
        return spec;
    }

    @Override
    public FitReport fit(Dataset train, int epochs, EpochListener listener) {
        return trainer().fit(train, inputDim, epochs, spec.batch(), spec.learningRate(), seed, this::forwardBackward,
                listener);
    }

    /** One training step on a clean batch; returns loss + penalties. */
    public double step(float[] batch, int rows, long stepSeed) {
        double objective = forwardBackward(batch, rows, stepSeed);
        trainer().update();
        return objective;
    }

    /**
     * Forward and backward without the update: leaves gradients in the arena. Used by
     * {@link #step} and by gradient checks.
     */
    public double forwardBackward(float[] batch, int rows, long stepSeed) {
        float[] input = batch;
        if (corruption != null) {
            corruption.apply(kernels, batch, corrupted, rows * inputDim, stepSeed);
            input = corrupted;
        }
        currentInput = input;
        currentRows = rows;
        currentStepSeed = stepSeed;
        trainer().beginGradients();
        forward(input, rows);
        Layer out = decoder.get(decoder.size() - 1);
        double loss = spec.output() == Activation.SIGMOID
                ? kernels.sigmoidOutputLoss(spec.loss(), out.output(), batch, rows * inputDim, out.gradOutput(), 1f)
                : kernels.loss(spec.loss(), out.output(), batch, rows * inputDim, out.gradOutput(), 1f);
        // decoder backward; the output layer's gradient is already with respect to its pre-activation when fused
        for (int i = decoder.size() - 1; i >= 0; i--) {
            Layer l = decoder.get(i);
            float[] below = i > 0 ? decoder.get(i - 1).output() : codeLayer().output();
            float[] gradBelow = i > 0 ? decoder.get(i - 1).gradOutput() : codeLayer().gradOutput();
            if (i == decoder.size() - 1 && spec.output() == Activation.SIGMOID) {
                l.backwardFromPreActivation(below, rows, gradBelow, false);
            } else {
                l.backward(below, rows, gradBelow, false);
            }
        }
        for (int i = 0; i < encoder.size() - 1; i++) {
            java.util.Arrays.fill(encoder.get(i).gradOutput(), 0, rows * encoder.get(i).outputSize(), 0f);
        }
        for (Penalty p : penalties) {
            loss += p.apply(this, true);
        }
        for (int i = encoder.size() - 1; i >= 0; i--) {
            DenseLayer l = encoder.get(i);
            float[] below = i > 0 ? encoder.get(i - 1).output() : input;
            l.backward(below, rows, i > 0 ? encoder.get(i - 1).gradOutput() : null, true);
        }
        return loss;
    }

    private void forward(float[] input, int rows) {
        float[] x = input;
        for (DenseLayer l : encoder) {
            l.forward(x, rows);
            x = l.output();
        }
        for (Layer l : decoder) {
            l.forward(x, rows);
            x = l.output();
        }
    }

    @Override
    public void encode(float[] x, int rows, float[] codes) {
        int code = codeDim();
        float[] chunk = rows <= maxRows ? x : new float[maxRows * inputDim];
        for (int s = 0; s < rows; s += maxRows) {
            int n = Math.min(maxRows, rows - s);
            float[] in = x;
            if (rows > maxRows) {
                System.arraycopy(x, s * inputDim, chunk, 0, n * inputDim);
                in = chunk;
            }
            for (DenseLayer l : encoder) {
                l.forward(in, n);
                in = l.output();
            }
            System.arraycopy(in, 0, codes, s * code, n * code);
        }
    }

    @Override
    public void decode(float[] codes, int rows, float[] out) {
        int code = codeDim();
        float[] chunk = rows <= maxRows ? codes : new float[maxRows * code];
        for (int s = 0; s < rows; s += maxRows) {
            int n = Math.min(maxRows, rows - s);
            float[] in = codes;
            if (rows > maxRows) {
                System.arraycopy(codes, s * code, chunk, 0, n * code);
                in = chunk;
            }
            for (Layer l : decoder) {
                l.forward(in, n);
                in = l.output();
            }
            System.arraycopy(in, 0, out, s * inputDim, n * inputDim);
        }
    }

    @Override
    public Map<String, Double> extraMetrics(Dataset test) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean_code_activation", Evaluation.meanCodeActivation(this, test));
        if (!penalties.isEmpty()) {
            double total = 0;
            int chunk = maxRows;
            for (int s = 0; s < test.size(); s += chunk) {
                int n = Math.min(chunk, test.size() - s);
                float[] in = java.util.Arrays.copyOfRange(test.x(), s * inputDim, (s + n) * inputDim);
                currentInput = in;
                currentRows = n;
                currentStepSeed = CounterRandom.derive(seed, 31338L + s);
                float[] x = in;
                for (DenseLayer l : encoder) {
                    l.forward(x, n);
                    x = l.output();
                }
                for (Penalty p : penalties) {
                    total += p.apply(this, false) * n;
                }
            }
            m.put("test_penalty", total / test.size());
        }
        if (corruption != null) {
            m.put("noisy_test_mse", Evaluation.noisyReconstructionMse(this, test, corruption, kernels, seed));
        }
        return m;
    }

    @Override
    public int inputDim() {
        return inputDim;
    }

    @Override
    public int codeDim() {
        return spec.codeDim();
    }

    @Override
    public long parameterCount() {
        return arena.size();
    }

    // ---- EncoderState ----

    @Override
    public Kernels kernels() {
        return kernels;
    }

    @Override
    public ParameterArena arena() {
        return arena;
    }

    @Override
    public List<DenseLayer> layers() {
        return Collections.unmodifiableList(encoder);
    }

    @Override
    public float[] input() {
        return currentInput;
    }

    @Override
    public int rows() {
        return currentRows;
    }

    @Override
    public int maxRows() {
        return maxRows;
    }

    @Override
    public long stepSeed() {
        return currentStepSeed;
    }

    @Override
    public List<int[]> weightRanges() {
        List<int[]> out = new ArrayList<>();
        for (DenseLayer l : encoder) {
            out.add(new int[] {l.weightOffset(), l.weightOffset() + l.inputSize() * l.outputSize()});
        }
        for (Layer l : decoder) {
            if (l instanceof DenseLayer d) {
                out.add(new int[] {d.weightOffset(), d.weightOffset() + d.inputSize() * d.outputSize()});
            }
        }
        return out;
    }

    public List<Layer> decoderLayers() {
        return Collections.unmodifiableList(decoder);
    }

    public List<Penalty> penalties() {
        return Collections.unmodifiableList(penalties);
    }

    private ArenaTrainer trainer() {
        if (trainer == null) {
            trainer = new ArenaTrainer(kernels, arena);
        }
        return trainer;
    }
}
