package dev.aebench.report.results;

import com.fasterxml.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;

/**
 * What the runner kept of one trial's model ({@code artifacts/TRIAL_ID.json}): fixed test images
 * as one grayscale strip per row kind (originals, reconstructions and, for corrupting models, the
 * corrupted inputs and their reconstructions), their labels, and a 2-D PCA projection of a fixed
 * subset of test codes with their labels; on two-dimensional data, the displacement field.
 *
 * @param corruption the corruption's description, or null for models that do not corrupt
 * @param field      the model's field r(x) - x over a grid, or null (not two-dimensional data)
 */
public record TrialArtifact(int height, int width, int[] imageLabels, BufferedImage original,
                            BufferedImage reconstruction, String corruption, BufferedImage corrupted,
                            BufferedImage denoised, int[] codeLabels, double[] codeX, double[] codeY,
                            VectorField field) {
    /** The number of images in each strip. */
    public int images() {
        return imageLabels.length;
    }

    static TrialArtifact fromJson(JsonNode n) throws IOException {
        int h = n.get("height").asInt();
        int w = n.get("width").asInt();
        JsonNode img = n.get("images");
        int[] labels = ints(img.get("labels"));
        BufferedImage original = png(img.get("original"));
        BufferedImage recon = png(img.get("reconstruction"));
        String corruption = img.hasNonNull("corruption") ? img.get("corruption").asText() : null;
        BufferedImage corrupted = corruption == null ? null : png(img.get("corrupted"));
        BufferedImage denoised = corruption == null ? null : png(img.get("denoised"));
        JsonNode codes = n.get("codes_2d");
        int[] codeLabels = ints(codes.get("labels"));
        double[] x = doubles(codes.get("x"));
        double[] y = doubles(codes.get("y"));
        if (x.length != codeLabels.length || y.length != codeLabels.length) {
            throw new IOException("codes_2d: x, y and labels differ in length");
        }
        for (BufferedImage b : new BufferedImage[] {original, recon, corrupted, denoised}) {
            if (b != null && (b.getWidth() != w * labels.length || b.getHeight() != h)) {
                throw new IOException("image strip of " + b.getWidth() + "x" + b.getHeight() + ", expected "
                        + w * labels.length + "x" + h);
            }
        }
        VectorField field = n.hasNonNull("field") ? VectorField.fromJson(n.get("field")) : null;
        return new TrialArtifact(h, w, labels, original, recon, corruption, corrupted, denoised, codeLabels, x, y, field);
    }

    private static BufferedImage png(JsonNode n) throws IOException {
        if (n == null || !n.isTextual()) {
            throw new IOException("expected a base64 PNG");
        }
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(n.asText())));
        if (b == null) {
            throw new IOException("undecodable PNG");
        }
        return b;
    }

    private static int[] ints(JsonNode a) throws IOException {
        if (a == null || !a.isArray()) {
            throw new IOException("expected an array of integers");
        }
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    private static double[] doubles(JsonNode a) throws IOException {
        if (a == null || !a.isArray()) {
            throw new IOException("expected an array of numbers");
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}
