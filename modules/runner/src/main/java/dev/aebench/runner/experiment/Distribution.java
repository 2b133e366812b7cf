package dev.aebench.runner.experiment;

import java.util.List;

/**
 * Where a random-search value comes from: {@code uniform: [low, high]},
 * {@code loguniform: [low, high]} (uniform in the logarithm, low &gt; 0) or
 * {@code choice: [a, b, ...]} (each equally likely).
 */
public sealed interface Distribution {
    /** The key that names this kind in a file. */
    String kind();

    /** Uniform on {@code [low, high)}. */
    record Uniform(double low, double high) implements Distribution {
        @Override
        public String kind() {
            return "uniform";
        }
    }

    /** Log-uniform on {@code [low, high)}, {@code 0 < low < high}. */
    record LogUniform(double low, double high) implements Distribution {
        @Override
        public String kind() {
            return "loguniform";
        }
    }

    /** One of the listed values. */
    record Choice(List<String> values) implements Distribution {
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public String kind() {
            return "choice";
        }
    }
}
