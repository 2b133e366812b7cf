package dev.aebench.pca;

import dev.aebench.core.linalg.GramSchmidt;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Principal angles between two subspaces of R^d, each given by a spanning basis (the columns of
 * a d x k matrix, not necessarily orthonormal): both bases are orthonormalised in double
 * (modified Gram-Schmidt, twice), and with Q1, Q2 the singular values of {@code Q1^T Q2} are the
 * cosines of the angles and those of {@code (I - Q1 Q1^T) Q2} their sines (Bjorck and Golub,
 * 1973). Cosines give the large angles and sines the small ones, where the cosine is flat.
 * For example, how far an autoencoder's weights are from PCA's subspace.
 */
public final class PrincipalAngles {
    /** A column whose norm falls below this fraction of its original norm is taken as dependent. */
    private static final double RANK_TOLERANCE = 1e-10;

    private PrincipalAngles() {
    }

    /**
     * The min(k1, k2) principal angles in radians, ascending, between the column spaces of
     * {@code a} (d x k1) and {@code b} (d x k2), both indexed {@code [row][column]}.
     *
     * @throws IllegalArgumentException if the dimensions differ or a basis is rank deficient
     */
    public static double[] between(double[][] a, double[][] b) {
        if (a.length == 0 || a.length != b.length) {
            throw new IllegalArgumentException("principal angles need bases of the same space R^d, found "
                    + a.length + " and " + b.length + " rows");
        }
        double[][] q1 = orthonormalBasis(a);
        double[][] q2 = orthonormalBasis(b);
        if (q2[0].length > q1[0].length) {
            double[][] t = q1;
            q1 = q2;
            q2 = t;
        }
        int d = q1.length;
        int k1 = q1[0].length;
        int k2 = q2[0].length;
        double[][] cross = new double[k1][k2];
        for (int i = 0; i < k1; i++) {
            for (int j = 0; j < k2; j++) {
                double s = 0;
                for (int r = 0; r < d; r++) {
                    s += q1[r][i] * q2[r][j];
                }
                cross[i][j] = s;
            }
        }
        // the part of Q2 outside span(Q1): (I - Q1 Q1^T) Q2 = Q2 - Q1 (Q1^T Q2)
        double[][] residual = new double[d][k2];
        for (int r = 0; r < d; r++) {
            for (int j = 0; j < k2; j++) {
                double s = q2[r][j];
                for (int i = 0; i < k1; i++) {
                    s -= q1[r][i] * cross[i][j];
                }
                residual[r][j] = s;
            }
        }
        double[] cos = singularValues(cross, k2); // descending: angles ascending
        double[] sin = singularValues(residual, k2); // descending: angles descending
        double[] angles = new double[k2];
        for (int i = 0; i < k2; i++) {
            double c = Math.min(1, cos[i]);
            double s = Math.min(1, sin[k2 - 1 - i]);
            angles[i] = c * c < 0.5 ? Math.acos(c) : Math.asin(s);
        }
        java.util.Arrays.sort(angles);
        return angles;
    }

    /** As {@link #between}, in degrees. */
    public static double[] degreesBetween(double[][] a, double[][] b) {
        double[] r = between(a, b);
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.toDegrees(r[i]);
        }
        return r;
    }

    /**
     * The columns of the row-major {@code rows x cols} matrix at {@code offset} as a d x k basis
     * (d = rows): for PCA's components, or a dense layer's weights W (input x output), whose
     * columns are the directions each unit reads from its input.
     */
    public static double[][] columnsOf(float[] m, int offset, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = m[offset + r * cols + c];
            }
        }
        return out;
    }

    /**
     * The rows of the row-major {@code rows x cols} matrix at {@code offset} as a d x k basis
     * (d = cols, k = rows): for a dense layer's weights W (input x output), whose rows are the
     * directions each input unit writes to the output.
     */
    public static double[][] rowsOf(float[] m, int offset, int rows, int cols) {
        double[][] out = new double[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c][r] = m[offset + r * cols + c];
            }
        }
        return out;
    }

    /** An orthonormal basis (d x k, same span) of the columns of {@code a}. */
    static double[][] orthonormalBasis(double[][] a) {
        int d = a.length;
        int k = a[0].length;
        if (k == 0 || k > d) {
            throw new IllegalArgumentException("a basis of R^" + d + " needs 1 to " + d + " columns, found " + k);
        }
        double[][] v = new double[k][d];
        double[] original = new double[k];
        for (int c = 0; c < k; c++) {
            for (int r = 0; r < d; r++) {
                v[c][r] = a[r][c];
                original[c] += a[r][c] * a[r][c];
            }
            original[c] = Math.sqrt(original[c]);
        }
        double[] norms = GramSchmidt.orthonormalize(v, k, 0);
        double[][] q = new double[d][k];
        for (int c = 0; c < k; c++) {
            if (!(norms[c] > RANK_TOLERANCE * original[c])) {
                throw new IllegalArgumentException("basis column " + c + " is zero or a combination of the columns "
                        + "before it (rank deficient)");
            }
            for (int r = 0; r < d; r++) {
                q[r][c] = v[c][r];
            }
        }
        return q;
    }

    /** The largest {@code count} singular values, descending (zeros where the matrix has fewer). */
    private static double[] singularValues(double[][] m, int count) {
        double[] s = new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getSingularValues();
        double[] out = new double[count];
        System.arraycopy(s, 0, out, 0, Math.min(count, s.length));
        return out;
    }
}
