package dev.aebench.conv;

import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.ConvGeometry;

import java.util.ArrayList;
import java.util.List;

/**
 * The spatial plan of a {@link ConvSpec} on images of a given size: the geometry of each encoder
 * convolution, the flattened size in front of the code, and the output padding each decoder
 * transposed convolution needs to land exactly on the size its mirror convolution started from
 * (always in [0, stride), since the padding is {@code kernel / 2}). Images shrink to 1x1 at
 * worst, so any number of convolutions fits.
 */
public record ConvShapes(List<ConvGeometry> encoder, int flatChannels, int flatHeight, int flatWidth,
                         int[] outputPaddings) {

    public ConvShapes {
        encoder = List.copyOf(encoder);
        outputPaddings = outputPaddings.clone();
    }

    /** Plans {@code spec} on {@code height x width} single-channel images. */
    public static ConvShapes plan(ConvSpec spec, int height, int width) {
        List<ConvGeometry> geometries = new ArrayList<>();
        int channels = 1;
        int h = height;
        int w = width;
        int[] channelCounts = spec.channels();
        int[] paddings = new int[channelCounts.length];
        for (int i = 0; i < channelCounts.length; i++) {
            ConvGeometry g = new ConvGeometry(channels, h, w, spec.kernel(), spec.stride(), spec.padding());
            geometries.add(g);
            int back = (g.outHeight() - 1) * spec.stride() - 2 * spec.padding() + spec.kernel();
            int backW = (g.outWidth() - 1) * spec.stride() - 2 * spec.padding() + spec.kernel();
            if (h - back != w - backW) {
                throw new UserError("image size " + height + "x" + width + ": convolution " + (i + 1)
                        + " needs different output paddings for height and width; expected square images");
            }
            paddings[i] = h - back;
            channels = channelCounts[i];
            h = g.outHeight();
            w = g.outWidth();
        }
        return new ConvShapes(geometries, channels, h, w, paddings);
    }

    /** Values in front of the code: channels x height x width of the last convolution's output. */
    public int flatSize() {
        return flatChannels * flatHeight * flatWidth;
    }

    @Override
    public int[] outputPaddings() {
        return outputPaddings.clone();
    }
}
