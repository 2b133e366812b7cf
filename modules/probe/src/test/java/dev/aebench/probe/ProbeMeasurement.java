package dev.aebench.probe;

import dev.aebench.core.data.DataLocator;
import dev.aebench.core.data.TrainTestData;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Not a unit test: a command-line measurement of the probe on real data, run by hand (under the
 * build lock) to choose and check the defaults. Usage:
 * <pre>
 *   java -cp ... dev.aebench.probe.ProbeMeasurement FEATURES SPEC...
 * </pre>
 * FEATURES is {@code raw} (Fashion-MNIST pixels via {@link DataLocator}) or a prefix P naming
 * {@code P_tr.f32}, {@code P_te.f32} (float32 little-endian, row-major) with labels in
 * {@code ytr.i32} and {@code yte.i32} beside them. Each SPEC is {@code default} or
 * {@code optimiser,lr,epochs,batch,std|raw[,l2[,seed]]}.
 */
public final class ProbeMeasurement {
    private ProbeMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        LabelledCodes[] data = load(args[0]);
        System.out.printf(Locale.ROOT, "%s: train %d x %d, test %d%n", args[0], data[0].size(), data[0].dim(),
                data[1].size());
        for (int k = 1; k < args.length; k++) {
            if (args[k].startsWith("lbfgs")) {
                lbfgs(args[k], data);
                continue;
            }
            ProbeOptions options = parse(args[k]);
            ProbeResult r = new LinearProbe(options).evaluate(data[0], data[1]);
            String loss = "";
            if (Boolean.getBoolean("probe.loss")) {
                TrainedProbe probe = new LinearProbe(options).train(data[0]);
                loss = String.format(Locale.ROOT, "  train CE %.5f  train acc %.4f", meanCrossEntropy(probe, data[0], options),
                        probe.accuracy(data[0]));
            }
            System.out.printf(Locale.ROOT, "%-32s accuracy %.4f  %.2f s%s  (%s)%n", args[k], r.accuracy(), r.seconds(),
                    loss, options.describe());
        }
    }

    /** {@code lbfgs[,maxIter,gtol,ftol,precondition(0|1),ridge,threads,l2,repeats]}: fit, time, report. */
    private static void lbfgs(String spec, LabelledCodes[] data) {
        String[] p = (spec + ",,,,,,,,,").split(",", -1);
        LbfgsSettings d = LbfgsSettings.DEFAULTS;
        LbfgsSettings settings = new LbfgsSettings(p[1].isEmpty() ? d.maxIterations() : Integer.parseInt(p[1]),
                p[2].isEmpty() ? d.gradientTolerance() : Double.parseDouble(p[2]),
                p[3].isEmpty() ? d.relativeDecrease() : Double.parseDouble(p[3]),
                p[4].isEmpty() ? d.precondition() : p[4].equals("1"),
                p[5].isEmpty() ? d.ridge() : Double.parseDouble(p[5]));
        int threads = p[6].isEmpty() ? 2 : Integer.parseInt(p[6]);
        ProbeOptions options = ProbeOptions.defaults();
        if (!p[7].isEmpty()) {
            options = new ProbeOptions(options.epochs(), options.learningRate(), Double.parseDouble(p[7]), options.seed(),
                    true, options.minibatchSize(), options.optimiser(), ProbeSolver.LBFGS);
        }
        int repeats = p[8].isEmpty() ? 3 : Integer.parseInt(p[8]);
        try (dev.aebench.core.kernel.Kernels kernels = dev.aebench.core.kernel.KernelFactory.create(threads)) {
            dev.aebench.core.kernel.KernelWarmup.ensure(kernels); // as a trial does before anything is timed
            for (int r = 0; r < repeats; r++) {
                LinearProbe probe = new LinearProbe(options, kernels, settings);
                long t0 = System.nanoTime();
                TrainedProbe trained = probe.train(data[0]);
                double fit = (System.nanoTime() - t0) / 1e9;
                double acc = trained.accuracy(data[1]);
                double total = (System.nanoTime() - t0) / 1e9;
                LbfgsProbeFit.Outcome o = probe.lastOutcome;
                System.out.printf(Locale.ROOT, "%-32s accuracy %.4f  fit %.3f s total %.3f s  it %d (%s) f %.6f |g| %.2e  [%s]%n",
                        spec, acc, fit, total, o.iterations(), o.stop(), o.value(), o.gradientMax(), probe.lastProfile);
            }
        }
    }

    /** Mean cross-entropy of the fitted probe on {@code codes}, from its weights (not Tribuo's predictions). */
    static double meanCrossEntropy(TrainedProbe probe, LabelledCodes codes, ProbeOptions options) {
        double[][] w = probe.weights();
        FeatureStandardizer s = options.standardize() ? FeatureStandardizer.fit(codes) : FeatureStandardizer.identity(codes.dim());
        int d = codes.dim();
        double total = 0;
        double[] scores = new double[w.length];
        for (int i = 0; i < codes.size(); i++) {
            double[] z = s.row(codes.codes(), i);
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < w.length; c++) {
                double v = w[c][d];
                for (int j = 0; j < d; j++) {
                    v += w[c][j] * z[j];
                }
                scores[c] = v;
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : scores) {
                sum += Math.exp(v - max);
            }
            total += max + Math.log(sum) - scores[codes.labels()[i]];
        }
        return total / codes.size();
    }

    static ProbeOptions parse(String spec) {
        if (spec.equals("default")) {
            return ProbeOptions.sgdDefaults();
        }
        String[] p = spec.split(",");
        return new ProbeOptions(Integer.parseInt(p[2]), Double.parseDouble(p[1]),
                p.length > 5 ? Double.parseDouble(p[5]) : 0.0, p.length > 6 ? Long.parseLong(p[6]) : ProbeOptions.DEFAULT_SEED,
                p[4].equals("std"),
                Integer.parseInt(p[3]), ProbeOptimiser.valueOf(p[0].toUpperCase(Locale.ROOT)));
    }

    static LabelledCodes[] load(String features) throws IOException {
        if (features.equals("raw")) {
            TrainTestData d = DataLocator.load(DataLocator.resolve(null));
            return new LabelledCodes[] {
                new LabelledCodes("training", d.train().x(), d.train().labels(), d.train().dim()),
                new LabelledCodes("test", d.test().x(), d.test().labels(), d.test().dim())};
        }
        Path prefix = Path.of(features);
        Path dir = prefix.getParent();
        int[] ytr = ints(dir.resolve("ytr.i32"));
        int[] yte = ints(dir.resolve("yte.i32"));
        float[] xtr = floats(Path.of(features + "_tr.f32"));
        float[] xte = floats(Path.of(features + "_te.f32"));
        int dim = xtr.length / ytr.length;
        return new LabelledCodes[] {new LabelledCodes("training", xtr, ytr, dim), new LabelledCodes("test", xte, yte, dim)};
    }

    private static ByteBuffer bytes(Path p) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int[] ints(Path p) throws IOException {
        ByteBuffer b = bytes(p);
        int[] out = new int[b.remaining() / 4];
        b.asIntBuffer().get(out);
        return out;
    }

    private static float[] floats(Path p) throws IOException {
        ByteBuffer b = bytes(p);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }
}
