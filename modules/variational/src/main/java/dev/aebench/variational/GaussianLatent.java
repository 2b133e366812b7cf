package dev.aebench.variational;

/**
 * The diagonal Gaussian posterior q(z|x) = N(mu, exp(logvar)) of a batch, read from the
 * encoder head's rows {@code [mu (latent) | logvar (latent)]}: the reparameterised sample, the
 * closed-form KL divergence to N(0, I), and the gradients of both with respect to mu and logvar.
 */
public final class GaussianLatent {
    private final int latent;

    public GaussianLatent(int latent) {
        if (latent < 1) {
            throw new IllegalArgumentException("latent size must be >= 1, was " + latent);
        }
        this.latent = latent;
    }

    public int latent() {
        return latent;
    }

    /** {@code z = mu + exp(logvar / 2) eps} for {@code rows} rows. */
    public void sample(float[] head, int rows, float[] eps, float[] z) {
        for (int r = 0; r < rows; r++) {
            int h = r * 2 * latent;
            int o = r * latent;
            for (int j = 0; j < latent; j++) {
                z[o + j] = head[h + j] + (float) Math.exp(0.5 * head[h + latent + j]) * eps[o + j];
            }
        }
    }

    /** Copies the means, rows x latent, into {@code mu}. */
    public void means(float[] head, int rows, float[] mu) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(head, r * 2 * latent, mu, r * latent, latent);
        }
    }

    /**
     * KL(q || N(0, I)) summed over the rows: {@code -1/2 sum (1 + logvar - mu^2 - exp(logvar))}.
     */
    public double klSum(float[] head, int rows) {
        double s = 0;
        for (int r = 0; r < rows; r++) {
            s += klRow(head, r);
        }
        return s;
    }

    /** The KL divergence of one row. */
    public double klRow(float[] head, int row) {
        int h = row * 2 * latent;
        double s = 0;
        for (int j = 0; j < latent; j++) {
            double mu = head[h + j];
            double logvar = head[h + latent + j];
            s += 1 + logvar - mu * mu - Math.exp(logvar);
        }
        return -0.5 * s;
    }

    /**
     * Gradients into {@code gradHead} (rows x 2 latent, overwritten) of the sample path, given
     * dLoss/dz, plus {@code klWeight} times the gradient of the summed KL:
     * {@code dmu = dz + w mu}, {@code dlogvar = dz eps exp(logvar / 2) / 2 + w (exp(logvar) - 1) / 2}.
     */
    public void backward(float[] head, int rows, float[] eps, float[] gradZ, double klWeight, float[] gradHead) {
        float w = (float) klWeight;
        for (int r = 0; r < rows; r++) {
            int h = r * 2 * latent;
            int o = r * latent;
            for (int j = 0; j < latent; j++) {
                float mu = head[h + j];
                double logvar = head[h + latent + j];
                float sigma = (float) Math.exp(0.5 * logvar);
                gradHead[h + j] = gradZ[o + j] + w * mu;
                gradHead[h + latent + j] = 0.5f * gradZ[o + j] * eps[o + j] * sigma
                        + 0.5f * w * ((float) Math.exp(logvar) - 1f);
            }
        }
    }
}
