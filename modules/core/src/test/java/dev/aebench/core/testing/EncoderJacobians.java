package dev.aebench.core.testing;

import dev.aebench.core.jacobian.DifferentiableEncoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A whole model's encoder Jacobians ({@link DifferentiableEncoder#jacobians}) against central
 * finite differences of its own {@link DifferentiableEncoder#encode}: for every row and code unit,
 * the Jacobian row is checked by {@link FiniteDifferences#check} as the gradient of that code unit
 * with respect to the row's input, each nudge encoding the one row again.
 */
public final class EncoderJacobians {
    private EncoderJacobians() {
    }

    /**
     * Checks the Jacobians at the first {@code rows} rows of {@code x}. {@code kinks}, read after
     * a one-row encode, gives its kink signature (null for a smooth encoder); mismatch indices are
     * {@code (r * codeDim + c) * inputDim + i}, as in the Jacobians' layout.
     */
    public static FiniteDifferences.Result check(DifferentiableEncoder encoder, float[] x, int rows,
                                                 Supplier<boolean[]> kinks, float step, double abs, double rel) {
        int in = encoder.inputDim();
        int code = encoder.codeDim();
        float[] jacobians = new float[rows * code * in];
        float[] block = new float[encoder.jacobianRows() * code * in];
        for (int from = 0; from < rows; from += encoder.jacobianRows()) {
            int n = Math.min(encoder.jacobianRows(), rows - from);
            encoder.jacobians(Arrays.copyOfRange(x, from * in, (from + n) * in), n, block);
            System.arraycopy(block, 0, jacobians, from * code * in, n * code * in);
        }
        int[] all = FiniteDifferences.spread(0, in, in);
        float[] codes = new float[code];
        int checked = 0;
        int skipped = 0;
        List<FiniteDifferences.Mismatch> bad = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            float[] row = Arrays.copyOfRange(x, r * in, (r + 1) * in);
            for (int c = 0; c < code; c++) {
                int unit = c;
                int offset = (r * code + c) * in;
                float[] analytic = Arrays.copyOfRange(jacobians, offset, offset + in);
                FiniteDifferences.Result one = FiniteDifferences.check(row, all, analytic, () -> {
                    encoder.encode(row, 1, codes);
                    return codes[unit];
                }, kinks, step, abs, rel);
                checked += one.checked();
                skipped += one.skippedAtKinks();
                for (FiniteDifferences.Mismatch m : one.mismatches()) {
                    bad.add(new FiniteDifferences.Mismatch(offset + m.index(), m.analytic(), m.numeric()));
                }
            }
        }
        return new FiniteDifferences.Result(checked, skipped, bad);
    }
}
