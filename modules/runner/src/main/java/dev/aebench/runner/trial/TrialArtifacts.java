package dev.aebench.runner.trial;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.dense.DenseFamily;
import dev.aebench.core.kernel.CounterRandom;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.objective.Corruption;
import dev.aebench.core.objective.ObjectiveRegistry;
import dev.aebench.core.result.JsonLines;
import dev.aebench.runner.store.AtomicFiles;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.linear.RealVector;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report shows of a trained model, kept at trial time as {@code artifacts/TRIAL_ID.json}
 * (a few tens of KB; written atomically before the trial's record, so a recorded trial always
 * has its artifact and a rerun trial rewrites the same one): the first {@value #IMAGES_PER_CLASS}
 * test images of each class as grayscale PNG strips (originals, reconstructions and, for dense
 * models that corrupt their input, the corrupted inputs and their reconstructions), and the first
 * {@value #CODES_PER_CLASS} test images of each class encoded and projected on the first two
 * principal components of those codes (Commons Math eigendecomposition, signs fixed so that each
 * axis's largest loading is positive). On two-dimensional data it also holds the model's
 * displacement field r(x) - x over a grid ({@link FieldArtifact}), for a quiver plot.
 */
public final class TrialArtifacts {
    static final int IMAGES_PER_CLASS = 2;
    static final int CODES_PER_CLASS = 20;
    private static final long CORRUPTION_STREAM = 0x61727469L;

    private TrialArtifacts() {
    }

    /** Computes the artifact of a fitted model and writes it to {@code file} atomically. */
    public static void write(Path file, ModelFamily family, ModelConfig config, Autoencoder model, Dataset test,
                             Kernels kernels, long seed) {
        AtomicFiles.write(file, JsonLines.toLine(capture(family, config, model, test, kernels, seed)) + "\n");
    }

    static Map<String, Object> capture(ModelFamily family, ModelConfig config, Autoencoder model, Dataset test,
                                       Kernels kernels, long seed) {
        int h = test.height();
        int w = test.width();
        int dim = test.dim();
        int[] shown = firstOfEachClass(test, IMAGES_PER_CLASS);
        float[] clean = rows(test, shown);
        Map<String, Object> images = new LinkedHashMap<>();
        images.put("indices", shown);
        images.put("labels", labels(test, shown));
        images.put("original", strip(clean, shown.length, h, w));
        images.put("reconstruction", strip(reconstruct(model, clean, shown.length, dim), shown.length, h, w));
        Corruption corruption = family instanceof DenseFamily dense
                ? ObjectiveRegistry.load().corruption(dense.spec(config).corruption()) : null;
        images.put("corruption", corruption == null ? null : corruption.describe());
        if (corruption != null) {
            float[] noisy = new float[clean.length];
            corruption.apply(kernels, clean, noisy, noisy.length, CounterRandom.derive(seed, CORRUPTION_STREAM));
            images.put("corrupted", strip(noisy, shown.length, h, w));
            images.put("denoised", strip(reconstruct(model, noisy, shown.length, dim), shown.length, h, w));
        }
        int[] subset = firstOfEachClass(test, CODES_PER_CLASS);
        Map<String, Object> codes = new LinkedHashMap<>();
        codes.put("indices", subset);
        codes.put("labels", labels(test, subset));
        double[][] xy = project2d(encode(model, rows(test, subset), subset.length), subset.length, model.codeDim());
        codes.put("x", xy[0]);
        codes.put("y", xy[1]);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("height", h);
        m.put("width", w);
        m.put("images", images);
        m.put("codes_2d", codes);
        Map<String, Object> field = FieldArtifact.capture(model, test);
        if (field != null) {
            m.put("field", field);
        }
        return m;
    }

    /** Indices of the first {@code per} test images of each class, by class then position. */
    static int[] firstOfEachClass(Dataset d, int per) {
        int classes = 0;
        for (int l : d.labels()) {
            classes = Math.max(classes, l + 1);
        }
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int found = 0;
            for (int i = 0; i < d.size() && found < per; i++) {
                if (d.labels()[i] == c) {
                    out.add(i);
                    found++;
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] labels(Dataset d, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = d.labels()[idx[i]];
        }
        return out;
    }

    private static float[] rows(Dataset d, int[] idx) {
        int dim = d.dim();
        float[] out = new float[idx.length * dim];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(d.x(), idx[i] * dim, out, i * dim, dim);
        }
        return out;
    }

    private static float[] encode(Autoencoder model, float[] x, int n) {
        float[] codes = new float[n * model.codeDim()];
        model.encode(x, n, codes);
        return codes;
    }

    private static float[] reconstruct(Autoencoder model, float[] x, int n, int dim) {
        float[] out = new float[n * dim];
        model.decode(encode(model, x, n), n, out);
        return out;
    }

    /** Gray levels of the stored images: 4 bits a pixel keeps a DAE trial's four strips under 50 KB. */
    static final int GRAY_LEVELS = 16;
    private static final IndexColorModel GRAYS = grays();

    /** Base64 PNG of {@code n} images side by side, values clipped to [0, 1] as 16 gray levels (4-bit palette). */
    static String strip(float[] x, int n, int h, int w) {
        BufferedImage img = new BufferedImage(n * w, h, BufferedImage.TYPE_BYTE_BINARY, GRAYS);
        WritableRaster r = img.getRaster();
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < h; y++) {
                for (int c = 0; c < w; c++) {
                    float v = x[i * h * w + y * w + c];
                    float clipped = Math.max(0, Math.min(1, Float.isNaN(v) ? 0 : v));
                    r.setSample(i * w + c, y, 0, Math.round(clipped * (GRAY_LEVELS - 1)));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static IndexColorModel grays() {
        byte[] v = new byte[GRAY_LEVELS];
        for (int i = 0; i < GRAY_LEVELS; i++) {
            v[i] = (byte) Math.round(i * 255.0 / (GRAY_LEVELS - 1));
        }
        return new IndexColorModel(4, GRAY_LEVELS, v, v, v);
    }

    /** Rows projected on the first two principal components of the rows, rounded to 5 significant digits. */
    static double[][] project2d(float[] codes, int n, int k) {
        double[] mean = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                mean[j] += codes[i * k + j] / (double) n;
            }
        }
        double[][] cov = new double[k][k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                double da = codes[i * k + a] - mean[a];
                for (int b = a; b < k; b++) {
                    cov[a][b] += da * (codes[i * k + b] - mean[b]) / Math.max(1, n - 1);
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        // the covariance is symmetric positive semi-definite, so its singular vectors are its
        // eigenvectors, largest first; the SVD converges where Commons Math's EigenDecomposition
        // failed on covariances with many dead (all-zero) ReLU units and repeated eigenvalues
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(cov, false));
        double[][] out = new double[2][n];
        for (int c = 0; c < Math.min(2, k); c++) {
            RealVector v = svd.getU().getColumnVector(c);
            int big = 0;
            for (int j = 1; j < k; j++) {
                if (Math.abs(v.getEntry(j)) > Math.abs(v.getEntry(big))) {
                    big = j;
                }
            }
            double sign = v.getEntry(big) < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += (codes[i * k + j] - mean[j]) * v.getEntry(j);
                }
                out[c][i] = round5(sign * s);
            }
        }
        return out;
    }

    private static double round5(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return 0;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(5)).doubleValue();
    }
}
