package dev.aebench.core.nn;

/** Argument checks shared by the layers, with messages that name the layer and the numbers. */
final class LayerChecks {
    private LayerChecks() {
    }

    /** A batch of {@code rows} must fit the buffers and the input must hold that many rows. */
    static void rows(String layer, int rows, int maxRows, float[] input, int inputSize) {
        if (rows < 0 || rows > maxRows) {
            throw new IllegalArgumentException(layer + ": expected at most " + maxRows
                    + " rows (the size it was built for), found " + rows);
        }
        if ((long) rows * inputSize > input.length) {
            throw new IllegalArgumentException(layer + ": expected " + rows + " rows of " + inputSize
                    + " inputs, found an array of " + input.length);
        }
    }
}
