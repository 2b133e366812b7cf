package dev.aebench.core.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A mixture of Gaussians in the plane with its exact density, log density and score
 * {@code d log p(x) / dx}. Each component has a weight, a mean and a full 2x2 covariance (standard
 * deviations and a correlation). {@link #STANDARD} is the one behind {@code synthetic:mixture}:
 * four unequal, partly correlated components inside the unit square, their means off the points
 * of the score-field grid (a mode's score vanishes, and its direction means nothing).
 */
public record PlaneMixture(List<Component> components) {

    /** One Gaussian: weight, mean (mx, my), standard deviations (sx, sy) and correlation rho. */
    public record Component(double weight, double mx, double my, double sx, double sy, double rho) {
        public Component {
            if (!(weight > 0) || !(sx > 0) || !(sy > 0) || !(Math.abs(rho) < 1)) {
                throw new IllegalArgumentException("bad mixture component: weight " + weight + ", sd " + sx + ", "
                        + sy + ", rho " + rho);
            }
        }

        /** The component's density at (x, y). */
        double density(double x, double y) {
            double q = quadratic(x, y);
            return Math.exp(-0.5 * q) / (2 * Math.PI * sx * sy * Math.sqrt(1 - rho * rho));
        }

        /** The Mahalanobis form (u - mu)^T Sigma^-1 (u - mu). */
        double quadratic(double x, double y) {
            double a = (x - mx) / sx;
            double b = (y - my) / sy;
            return (a * a - 2 * rho * a * b + b * b) / (1 - rho * rho);
        }

        /** Gradient of the component's log density, -Sigma^-1 (u - mu), into out[0..1]. */
        void logGradient(double x, double y, double[] out) {
            double a = (x - mx) / sx;
            double b = (y - my) / sy;
            double c = 1 - rho * rho;
            out[0] = -(a - rho * b) / (c * sx);
            out[1] = -(b - rho * a) / (c * sy);
        }

        /** One draw: mean plus the Cholesky factor of the covariance times two standard normals. */
        void sample(SplittableRandom rnd, double[] out) {
            double z1 = rnd.nextGaussian();
            double z2 = rnd.nextGaussian();
            out[0] = mx + sx * z1;
            out[1] = my + sy * (rho * z1 + Math.sqrt(1 - rho * rho) * z2);
        }
    }

    public static final PlaneMixture STANDARD = new PlaneMixture(List.of(
            new Component(0.30, 0.28, 0.32, 0.080, 0.050, 0.3),
            new Component(0.25, 0.71, 0.29, 0.060, 0.060, 0.0),
            new Component(0.25, 0.56, 0.72, 0.100, 0.050, -0.4),
            new Component(0.20, 0.20, 0.68, 0.050, 0.070, 0.0)));

    public PlaneMixture {
        components = List.copyOf(components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a mixture needs at least one component");
        }
    }

    /**
     * This mixture convolved with N(0, sigma^2 I): each covariance plus sigma^2 on its diagonal.
     * The density of {@code x + sigma * noise}; for it, {@code x + sigma^2 * score} is the
     * posterior mean of the clean point, the best reconstruction a denoising autoencoder with
     * additive noise sigma can learn.
     */
    public PlaneMixture smoothed(double sigma) {
        double v = sigma * sigma;
        return new PlaneMixture(components.stream().map(c -> {
            double sx = Math.sqrt(c.sx() * c.sx() + v);
            double sy = Math.sqrt(c.sy() * c.sy() + v);
            return new Component(c.weight(), c.mx(), c.my(), sx, sy, c.rho() * c.sx() * c.sy() / (sx * sy));
        }).toList());
    }

    private double totalWeight() {
        double w = 0;
        for (Component c : components) {
            w += c.weight();
        }
        return w;
    }

    public double density(double x, double y) {
        double p = 0;
        for (Component c : components) {
            p += c.weight() * c.density(x, y);
        }
        return p / totalWeight();
    }

    public double logDensity(double x, double y) {
        return Math.log(density(x, y));
    }

    /**
     * The score {@code d log p / d(x, y)} into out[0..1]: the responsibility-weighted average of
     * the components' log-density gradients, computed with the log-sum-exp shift so that it stays
     * finite far from every component.
     */
    public void score(double x, double y, double[] out) {
        int k = components.size();
        double[] logTerm = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            Component c = components.get(i);
            logTerm[i] = Math.log(c.weight()) - 0.5 * c.quadratic(x, y)
                    - Math.log(c.sx() * c.sy() * Math.sqrt(1 - c.rho() * c.rho()));
            max = Math.max(max, logTerm[i]);
        }
        double sum = 0;
        double gx = 0;
        double gy = 0;
        double[] g = new double[2];
        for (int i = 0; i < k; i++) {
            double r = Math.exp(logTerm[i] - max);
            components.get(i).logGradient(x, y, g);
            sum += r;
            gx += r * g[0];
            gy += r * g[1];
        }
        out[0] = gx / sum;
        out[1] = gy / sum;
    }

    /** One draw into out[0..1]; returns the component it came from. */
    public int sample(SplittableRandom rnd, double[] out) {
        double u = rnd.nextDouble() * totalWeight();
        int last = components.size() - 1;
        for (int i = 0; i < last; i++) {
            u -= components.get(i).weight();
            if (u < 0) {
                components.get(i).sample(rnd, out);
                return i;
            }
        }
        components.get(last).sample(rnd, out);
        return last;
    }
}
