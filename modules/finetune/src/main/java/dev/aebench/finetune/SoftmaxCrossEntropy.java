package dev.aebench.finetune;

/**
 * The softmax layer's loss: the mean over rows of {@code -log softmax(z)_y}, with its gradient
 * with respect to the scores, {@code (softmax(z) - onehot(y)) / rows}, written in one pass (the
 * softmax and the cross-entropy fused, as the sigmoid-output losses are, so it is stable for any
 * scores). Each row is computed in double with {@code StrictMath}, so the result is the same
 * whatever compiled the code. This is a loop over {@code rows x classes} numbers, next to the
 * {@code rows x inputs x code} of the encoder's products: a few hundredths of a step's work.
 */
final class SoftmaxCrossEntropy {
    /**
     * Probabilities below this are written as 0: a subnormal float in the gradient would slow the
     * GEMMs that read it many times, for a change far below float rounding.
     */
    static final double TINY = 1e-30;

    private SoftmaxCrossEntropy() {
    }

    /**
     * The mean loss over {@code rows} rows of {@code scores} ({@code rows x classes}); when
     * {@code grad} is not null, the gradient of that mean with respect to the scores.
     */
    static double lossAndGradient(float[] scores, int[] labels, int rows, int classes, float[] grad) {
        double total = 0;
        double[] e = new double[classes];
        for (int r = 0; r < rows; r++) {
            int at = r * classes;
            int y = labels[r];
            if (y < 0 || y >= classes) {
                throw new IllegalArgumentException("label " + y + " of row " + r + " outside [0, " + classes + ")");
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, scores[at + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                e[c] = StrictMath.exp(scores[at + c] - max);
                sum += e[c];
            }
            total += max + StrictMath.log(sum) - scores[at + y];
            if (grad != null) {
                for (int c = 0; c < classes; c++) {
                    double g = (e[c] / sum - (c == y ? 1 : 0)) / rows;
                    grad[at + c] = Math.abs(g) < TINY ? 0f : (float) g;
                }
            }
        }
        return total / rows;
    }

    /** The number of rows whose first highest score is at their label. */
    static int correct(float[] scores, int[] labels, int labelOffset, int rows, int classes) {
        int hits = 0;
        for (int r = 0; r < rows; r++) {
            int at = r * classes;
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (scores[at + c] > scores[at + best]) {
                    best = c;
                }
            }
            if (best == labels[labelOffset + r]) {
                hits++;
            }
        }
        return hits;
    }
}
