package dev.aebench.core.kernel;

/**
 * The geometry of a 2-D convolution with a square kernel over NCHW images: the input planes
 * ({@code channels x height x width}), the kernel side, the stride and the zero padding on every
 * border, and the grid of output positions they imply. {@link Kernels#im2col} and
 * {@link Kernels#col2im} unfold and fold patches with one.
 */
public record ConvGeometry(int channels, int height, int width, int kernel, int stride, int padding) {

    public ConvGeometry {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("convolution input: expected positive channels, height and width, found "
                    + channels + "x" + height + "x" + width);
        }
        if (kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("convolution: expected kernel >= 1, stride >= 1 and padding >= 0, found kernel "
                    + kernel + ", stride " + stride + ", padding " + padding);
        }
        if (height + 2 * padding < kernel || width + 2 * padding < kernel) {
            throw new IllegalArgumentException("convolution: a " + kernel + "x" + kernel + " kernel does not fit a "
                    + height + "x" + width + " input with padding " + padding);
        }
    }

    /** Rows of output positions: {@code (height + 2 padding - kernel) / stride + 1}. */
    public int outHeight() {
        return (height + 2 * padding - kernel) / stride + 1;
    }

    /** Columns of output positions. */
    public int outWidth() {
        return (width + 2 * padding - kernel) / stride + 1;
    }

    /** Output positions per image. */
    public int positions() {
        return outHeight() * outWidth();
    }

    /** Values in one unfolded patch: {@code channels x kernel x kernel}. */
    public int patchSize() {
        return channels * kernel * kernel;
    }

    /** Values in one input image: {@code channels x height x width}. */
    public int imageSize() {
        return channels * height * width;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width + " k" + kernel + " s" + stride + " p" + padding;
    }
}
