package dev.aebench.runner.plan;

import dev.aebench.core.model.HyperParameter;
import dev.aebench.runner.experiment.Distribution;
import dev.aebench.runner.experiment.RandomSearch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws a random search's configurations with {@link SplittableRandom} seeded by the search's
 * seed (its sequence is specified, so the draws, and the trial ids, are the same on every JDK).
 * Real values keep 4 significant digits; integer hyperparameters get integers (uniform: each
 * integer in [low, high] equally likely; loguniform: the rounded draw).
 */
final class RandomSampler {
    private static final MathContext DIGITS = new MathContext(4);

    private RandomSampler() {
    }

    static List<Map<String, String>> draw(RandomSearch search, Map<String, HyperParameter> schema) {
        SplittableRandom rnd = new SplittableRandom(search.seed());
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < search.n(); i++) {
            Map<String, String> sample = new LinkedHashMap<>();
            for (Map.Entry<String, Distribution> e : search.params().entrySet()) {
                sample.put(e.getKey(), value(e.getValue(), schema.get(e.getKey()), rnd));
            }
            out.add(sample);
        }
        return out;
    }

    static String value(Distribution d, HyperParameter h, SplittableRandom rnd) {
        boolean integer = h != null && h.kind() == HyperParameter.Kind.INT;
        return switch (d) {
            case Distribution.Choice c -> c.values().get(rnd.nextInt(c.values().size()));
            case Distribution.Uniform u -> integer
                    ? Long.toString((long) Math.ceil(u.low()) + rnd.nextLong((long) Math.floor(u.high()) - (long) Math.ceil(u.low()) + 1))
                    : real(u.low() + rnd.nextDouble() * (u.high() - u.low()), u.low(), u.high());
            case Distribution.LogUniform l -> {
                double x = Math.exp(Math.log(l.low()) + rnd.nextDouble() * (Math.log(l.high()) - Math.log(l.low())));
                yield integer ? Long.toString(Math.max((long) Math.ceil(l.low()), Math.min((long) Math.floor(l.high()), Math.round(x))))
                        : real(x, l.low(), l.high());
            }
        };
    }

    private static String real(double x, double low, double high) {
        double rounded = new BigDecimal(x).round(DIGITS).doubleValue();
        return Double.toString(Math.max(low, Math.min(high, rounded)));
    }
}
