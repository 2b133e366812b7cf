package dev.aebench.probe;

import dev.aebench.core.error.UserError;

/**
 * Codes with their class labels: {@code codes} is row-major, {@code labels.length} rows of
 * {@code dim} values. Checked on construction (sizes agree, at least one row, labels >= 0, every
 * value finite); a violation is a {@link UserError} whose one-line message names the role
 * ("training" or "test"), the row and the column. The arrays are shared, not copied.
 */
public record LabelledCodes(String role, float[] codes, int[] labels, int dim) {
    public LabelledCodes {
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("role must be named");
        }
        if (codes == null || labels == null) {
            throw new UserError(role + " set: " + (codes == null ? "codes" : "labels") + " missing");
        }
        if (dim < 1) {
            throw new UserError(role + " set: code dimension must be >= 1, was " + dim);
        }
        if (labels.length == 0) {
            throw new UserError(role + " set: empty (no rows)");
        }
        if (codes.length != (long) labels.length * dim) {
            throw new UserError(role + " set: " + codes.length + " code values for " + labels.length
                    + " labels of dimension " + dim + " (expected " + (long) labels.length * dim + ")");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new UserError(role + " set: label " + labels[i] + " at row " + i + " is negative");
            }
        }
        for (int k = 0; k < codes.length; k++) {
            if (!Float.isFinite(codes[k])) {
                throw new UserError(role + " set: code value " + codes[k] + " at row " + k / dim + ", column "
                        + k % dim + " is not finite");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    /** Number of classes, taken as the largest label + 1. */
    public int classes() {
        int max = 0;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    /** Number of distinct labels actually present. */
    public int distinctLabels() {
        boolean[] seen = new boolean[classes()];
        int count = 0;
        for (int label : labels) {
            if (!seen[label]) {
                seen[label] = true;
                count++;
            }
        }
        return count;
    }
}
