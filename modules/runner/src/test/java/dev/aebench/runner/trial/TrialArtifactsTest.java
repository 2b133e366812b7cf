package dev.aebench.runner.trial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aebench.core.data.DataLocator;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.data.TrainTestData;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.runner.testing.IdxFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trial's artifact on Fashion-MNIST (or synthetic 28x28 images where it is not installed),
 * from a briefly trained model: written atomically (a new file renamed over the old one, no
 * temporary left), at most 50 KB for a corrupting model (four strips), its strips decoding to
 * 20 images of 28x28 side by side in 16 gray levels, the originals equal to the quantised test
 * images, and the 2-D codes one point per listed test image.
 */
class TrialArtifactsTest {
    private static final int MAX_BYTES = 50 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path tmp;
    static TrainTestData data;

    @BeforeAll
    static void data() throws IOException {
        Path fashion = Path.of("/usr/share/datasets/fashion-mnist");
        Path dir = Files.isDirectory(fashion) ? fashion : IdxFolder.write(tmp.resolve("data"), 2000, 1000, 28, 7);
        TrainTestData all = DataLocator.load(dir);
        data = new TrainTestData(all.train().slice(0, 2000, "[first 2000]"), all.test());
    }

    private static Path train(String model, Map<String, String> settings, Path file) {
        new TrialRunner(ModelRegistry.load()).run(new TrialSpec(model, settings, 3, 1, 1, false), data, s -> { }, file);
        return file;
    }

    private static BufferedImage png(JsonNode n) throws IOException {
        assertTrue(n != null && n.isTextual(), "a base64 PNG");
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(n.asText())));
        assertNotNull(b, "the strip decodes");
        return b;
    }

    /**
     * Codes with most units dead (all zero) and the rest copies of two coordinates, as a ReLU
     * encoder makes them: a covariance with a 62-fold zero eigenvalue and repeated structure. The
     * projections must be the two coordinates themselves (up to sign and rounding), the first the
     * one of larger variance, checked against the construction rather than another solver.
     */
    @Test
    void theCodeScatterProjectsDegenerateReluCodesOntoTheirTwoDirections() {
        int n = 400;
        int k = 64;
        float[] codes = new float[n * k];
        double[] wide = new double[n];
        double[] narrow = new double[n];
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            wide[i] = 3 * r.nextGaussian();
            narrow[i] = r.nextGaussian();
        }
        // centred and uncorrelated in the sample, so the principal axes are exactly these two
        center(wide);
        center(narrow);
        double along = dot(narrow, wide) / dot(wide, wide);
        for (int i = 0; i < n; i++) {
            narrow[i] -= along * wide[i];
        }
        for (int i = 0; i < n; i++) {
            codes[i * k + 5] = (float) (wide[i] / Math.sqrt(2)); // the wide coordinate spread over two equal units
            codes[i * k + 9] = (float) (wide[i] / Math.sqrt(2));
            codes[i * k + 40] = (float) narrow[i];
        }
        double[][] xy = TrialArtifacts.project2d(codes, n, k);
        double meanWide = 0; // centred above, up to the float rounding of the codes
        double meanNarrow = 0;
        double c0 = 0;
        double c1 = 0;
        for (int i = 0; i < n; i++) {
            c0 += xy[0][i] * (wide[i] - meanWide);
            c1 += xy[1][i] * (narrow[i] - meanNarrow);
        }
        double sign0 = Math.signum(c0);
        double sign1 = Math.signum(c1);
        for (int i = 0; i < n; i++) {
            assertEquals(wide[i] - meanWide, sign0 * xy[0][i], 1e-3 * (1 + Math.abs(wide[i])), "first coordinate, row " + i);
            assertEquals(narrow[i] - meanNarrow, sign1 * xy[1][i], 1e-3 * (1 + Math.abs(narrow[i])), "second coordinate, row " + i);
        }
    }

    private static void center(double[] v) {
        double m = Arrays.stream(v).average().orElseThrow();
        for (int i = 0; i < v.length; i++) {
            v[i] -= m;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void aCorruptingModelsArtifactIsSmallAndItsStripsDecode() throws IOException {
        Path file = train("dae", Map.of("noise", "gaussian", "sigma", "0.5", "hidden", "256"), tmp.resolve("dae.json"));
        long size = Files.size(file);
        assertTrue(size <= MAX_BYTES, "artifact of a corrupting model: " + size + " bytes, at most " + MAX_BYTES);
        JsonNode a = MAPPER.readTree(file.toFile());
        int h = a.get("height").asInt();
        int w = a.get("width").asInt();
        assertEquals(List.of(28, 28), List.of(h, w));
        JsonNode img = a.get("images");
        int n = img.get("labels").size();
        assertEquals(TrialArtifacts.IMAGES_PER_CLASS * 10, n, "two test images of each of the ten classes");
        Dataset test = data.test();
        for (int i = 0; i < n; i++) {
            int idx = img.get("indices").get(i).asInt();
            assertEquals(i / TrialArtifacts.IMAGES_PER_CLASS, img.get("labels").get(i).asInt(), "by class");
            assertEquals(test.labels()[idx], img.get("labels").get(i).asInt(), "label of test image " + idx);
        }
        assertEquals("gaussian:0.5", img.get("corruption").asText().replace(" ", ""), "the corruption described");
        for (String strip : List.of("original", "reconstruction", "corrupted", "denoised")) {
            BufferedImage b = png(img.get(strip));
            assertEquals(n * w, b.getWidth(), strip + " width");
            assertEquals(h, b.getHeight(), strip + " height");
            long levels = Stream.iterate(0, i -> i + 1).limit((long) b.getWidth() * b.getHeight())
                    .map(i -> b.getRGB(i % b.getWidth(), i / b.getWidth()) & 0xff).distinct().count();
            assertTrue(levels <= TrialArtifacts.GRAY_LEVELS && levels > 2, strip + ": " + levels + " gray levels");
        }
        BufferedImage original = png(img.get("original"));
        for (int i = 0; i < n; i++) {
            int idx = img.get("indices").get(i).asInt();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = test.x()[idx * h * w + y * w + x];
                    int level = Math.round(Math.max(0, Math.min(1, v)) * (TrialArtifacts.GRAY_LEVELS - 1));
                    int gray = (int) Math.round(level * 255.0 / (TrialArtifacts.GRAY_LEVELS - 1));
                    int rgb = original.getRGB(i * w + x, y);
                    assertEquals(gray, rgb & 0xff, "image " + i + " pixel " + x + "," + y);
                    assertEquals(rgb & 0xff, (rgb >> 8) & 0xff, "gray");
                }
            }
        }
        assertFalse(Arrays.equals(pixels(png(img.get("original"))), pixels(png(img.get("corrupted")))), "corrupted differs");
        JsonNode codes = a.get("codes_2d");
        int k = codes.get("labels").size();
        assertEquals(TrialArtifacts.CODES_PER_CLASS * 10, k);
        assertEquals(k, codes.get("x").size());
        assertEquals(k, codes.get("y").size());
        assertEquals(k, codes.get("indices").size());
        double spread = 0;
        for (int i = 0; i < k; i++) {
            assertEquals(test.labels()[codes.get("indices").get(i).asInt()], codes.get("labels").get(i).asInt());
            assertTrue(Double.isFinite(codes.get("x").get(i).asDouble()) && Double.isFinite(codes.get("y").get(i).asDouble()));
            spread += Math.abs(codes.get("x").get(i).asDouble());
        }
        assertTrue(spread > 0, "the projection is not degenerate");
    }

    private static int[] pixels(BufferedImage b) {
        return b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
    }

    @Test
    void aPlainModelsArtifactHasNoCorruptedStrips() throws IOException {
        Path file = train("ae", Map.of("hidden", "64"), tmp.resolve("ae.json"));
        JsonNode img = MAPPER.readTree(file.toFile()).get("images");
        assertTrue(img.get("corruption").isNull(), "no corruption");
        assertFalse(img.has("corrupted") || img.has("denoised"), "no corrupted strips");
        assertEquals(560, png(img.get("reconstruction")).getWidth());
    }

    @Test
    void theArtifactIsWrittenAtomicallyOverAnEarlierOne() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("atomic"));
        Path file = dir.resolve("t.json");
        Files.writeString(file, "an earlier, longer artifact ".repeat(4000));
        Object before = Files.getAttribute(file, "unix:ino");
        train("ae", Map.of("hidden", "32"), file);
        assertNotEquals(before, Files.getAttribute(file, "unix:ino"), "a new file renamed over the old one, not rewritten in place");
        String text = Files.readString(file);
        assertTrue(text.startsWith("{") && text.endsWith("}\n"), "one whole JSON line");
        MAPPER.readTree(text);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temporary file left");
        }
        byte[] first = Files.readAllBytes(file);
        train("ae", Map.of("hidden", "32"), file);
        assertArrayEquals(first, Files.readAllBytes(file), "the same trial rewrites the same artifact");
    }
}
