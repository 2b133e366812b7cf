package dev.aebench.core.dense;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.jacobian.DenseEncoder;
import dev.aebench.core.jacobian.Differentiable;
import dev.aebench.core.jacobian.DifferentiableEncoder;
import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.LayeredEncoder;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.nn.Layer;
import dev.aebench.core.nn.LayerStack;
import dev.aebench.core.nn.TiedDenseLayer;
import dev.aebench.core.objective.EncoderState;
import dev.aebench.core.objective.ObjectiveRegistry;
import dev.aebench.core.objective.Penalty;
import dev.aebench.core.train.ArenaAutoencoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The composed dense autoencoder every dense family builds: architecture (a mirrored stack of
 * dense layers, optionally tied) + objective (reconstruction loss + penalties) + optional input
 * corruption. One step: corrupt, forward, loss, decoder backward, penalties, encoder backward,
 * Adam; no arrays are allocated per step.
 */
public final class DenseAutoencoder extends ArenaAutoencoder implements EncoderState, Differentiable, LayeredEncoder {
    private final DenseSpec spec;
    private final List<DenseLayer> encoder = new ArrayList<>();
    private final List<Layer> decoder = new ArrayList<>();
    private final List<Penalty> penalties;
    private float[] currentInput;
    private int currentRows;
    private long currentStepSeed;

    public DenseAutoencoder(DenseSpec spec, ModelContext context, ObjectiveRegistry objectives) {
        super(context, spec.batch(), spec.learningRate(), Math.max(spec.batch(), 1000),
                objectives.corruption(spec.corruption()));
        this.spec = spec;
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
        this.penalties = objectives.penalties(spec.penalty(), this);
    }

    public DenseSpec spec() {
        return spec;
    }

    /** Loss + penalties: the reconstruction loss against the clean batch, penalties on the encoder. */
    @Override
    protected double lossAndGradients(float[] batch, float[] input, int rows, long stepSeed) {
        currentInput = input;
        currentRows = rows;
        currentStepSeed = stepSeed;
        beginGradients();
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
        inChunks(x, rows, inputDim, (in, n, first) -> {
            for (DenseLayer l : encoder) {
                l.forward(in, n);
                in = l.output();
            }
            System.arraycopy(in, 0, codes, first * code, n * code);
        });
    }

    @Override
    public void decode(float[] codes, int rows, float[] out) {
        inChunks(codes, rows, codeDim(), (in, n, first) -> {
            for (Layer l : decoder) {
                l.forward(in, n);
                in = l.output();
            }
            System.arraycopy(in, 0, out, first * inputDim, n * inputDim);
        });
    }

    /** {@code test_penalty}: the penalties' value on the test set, per sample (when there are any). */
    @Override
    protected void addTestMetrics(Dataset test, Map<String, Double> m) {
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
    }

    @Override
    public int codeDim() {
        return spec.codeDim();
    }

    // ---- EncoderState ----

    @Override
    public Kernels kernels() {
        return kernels;
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

    /** The encoder's dense layers as a stack (for fine-tuning), input first. */
    @Override
    public LayerStack encoderLayers() {
        return new LayerStack(encoder);
    }

    public List<Layer> decoderLayers() {
        return Collections.unmodifiableList(decoder);
    }

    public List<Penalty> penalties() {
        return Collections.unmodifiableList(penalties);
    }

    @Override
    public DifferentiableEncoder differentiableEncoder() {
        return new DenseEncoder(this, kernels, layers(), maxRows);
    }
}
