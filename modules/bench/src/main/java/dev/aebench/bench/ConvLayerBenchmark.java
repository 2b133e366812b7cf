package dev.aebench.bench;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.ConvGeometry;
import dev.aebench.core.nn.Conv2dLayer;
import dev.aebench.core.nn.ConvTranspose2dLayer;
import dev.aebench.core.nn.Layer;
import dev.aebench.core.nn.ParameterArena;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/**
 * The four convolution layers of the reference {@code conv} autoencoder, batch 128, 3x3 kernels,
 * stride 2, padding 1: Conv 1x28x28 -> 16 and 16x14x14 -> 32, ConvTranspose 32x7x7 -> 16 and
 * 16x14x14 -> 1 (output padding 1). {@code forward} is im2col + GEMM + bias/activation + layout
 * transpose (or its transposed-convolution mirror); {@code backward} is the weight gradient and
 * the input gradient with their folds. {@link #flops(String, boolean)} counts the multiply-adds
 * of the GEMMs.
 */
public class ConvLayerBenchmark extends KernelBenchmark {
    static final int BATCH = 128;

    /** kind:inChannels:side:outChannels, kind conv or convT. */
    @Param({"conv:1:28:16", "conv:16:14:32", "convT:32:7:16", "convT:16:14:1"})
    public String layer;

    private Layer l;
    private float[] input;
    private float[] gradInput;

    @Setup(Level.Trial)
    public void setUp() {
        String[] p = layer.split(":");
        int in = Integer.parseInt(p[1]);
        int side = Integer.parseInt(p[2]);
        int out = Integer.parseInt(p[3]);
        kernels = createKernels();
        ParameterArena arena = new ParameterArena();
        if (p[0].equals("conv")) {
            Conv2dLayer c = new Conv2dLayer(kernels, arena, new ConvGeometry(in, side, side, 3, 2, 1), out, Activation.RELU, BATCH);
            arena.seal();
            c.initUniform(1);
            l = c;
        } else {
            ConvTranspose2dLayer c = new ConvTranspose2dLayer(kernels, arena, in, side, side, out, 3, 2, 1, 1, Activation.RELU, BATCH);
            arena.seal();
            c.initUniform(1);
            l = c;
        }
        SplittableRandom r = new SplittableRandom(9);
        input = new float[BATCH * l.inputSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) r.nextDouble();
        }
        gradInput = new float[input.length];
        l.forward(input, BATCH);
        float[] g = l.gradOutput();
        for (int i = 0; i < BATCH * l.outputSize(); i++) {
            g[i] = (float) r.nextDouble(-1, 1);
        }
    }

    @Benchmark
    public float[] forward() {
        l.forward(input, BATCH);
        return l.output();
    }

    /** From the pre-activation gradient, so repeated calls see the same gradient. */
    @Benchmark
    public float[] backward() {
        l.backwardFromPreActivation(input, BATCH, gradInput, false);
        return gradInput;
    }

    /**
     * GEMM floating-point operations of one call: 2 x (output positions x patch x out channels)
     * for a convolution's forward (its transposed mirror has the same count with input and output
     * swapped), twice that for backward (weight and input gradients).
     */
    public static double flops(String layer, boolean backward) {
        String[] p = layer.split(":");
        int in = Integer.parseInt(p[1]);
        int side = Integer.parseInt(p[2]);
        int out = Integer.parseInt(p[3]);
        double macs;
        if (p[0].equals("conv")) {
            int outSide = (side + 2 - 3) / 2 + 1;
            macs = (double) BATCH * outSide * outSide * in * 9 * out;
        } else {
            macs = (double) BATCH * side * side * in * out * 9;
        }
        return 2 * macs * (backward ? 2 : 1);
    }
}
