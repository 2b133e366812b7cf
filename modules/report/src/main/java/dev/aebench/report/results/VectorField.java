package dev.aebench.report.results;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * A model's displacement field {@code r(x) - x} on two-dimensional data, as the runner kept it:
 * vectors {@code (u, v)} at the centres of a {@code grid x grid} grid over
 * {@code [x0, x1] x [y0, y1]} (rows bottom to top, points left to right), the exact score of the
 * data density at the same points when it is known (null otherwise), and a sample of the data.
 */
public record VectorField(int grid, double x0, double x1, double y0, double y1, double[] u, double[] v,
                          double[] scoreU, double[] scoreV, double[] dataX, double[] dataY) {
    /** The x of grid point {@code p}. */
    public double x(int p) {
        return x0 + (p % grid + 0.5) * (x1 - x0) / grid;
    }

    /** The y of grid point {@code p}. */
    public double y(int p) {
        return y0 + (p / grid + 0.5) * (y1 - y0) / grid;
    }

    public boolean hasScore() {
        return scoreU != null;
    }

    static VectorField fromJson(JsonNode n) throws IOException {
        int g = n.path("grid").asInt(0);
        if (g < 1 || g > 200) {
            throw new IOException("field.grid: expected 1 to 200, found " + n.path("grid"));
        }
        double[] u = numbers(n, "u", g * g);
        double[] v = numbers(n, "v", g * g);
        double[] su = n.has("score_u") ? numbers(n, "score_u", g * g) : null;
        double[] sv = su == null ? null : numbers(n, "score_v", g * g);
        double[] dx = numbers(n, "data_x", -1);
        double[] dy = numbers(n, "data_y", dx.length);
        double x0 = n.path("x0").asDouble();
        double x1 = n.path("x1").asDouble();
        double y0 = n.path("y0").asDouble();
        double y1 = n.path("y1").asDouble();
        if (!(x1 > x0) || !(y1 > y0)) {
            throw new IOException("field: expected x0 < x1 and y0 < y1");
        }
        return new VectorField(g, x0, x1, y0, y1, u, v, su, sv, dx, dy);
    }

    private static double[] numbers(JsonNode n, String key, int length) throws IOException {
        JsonNode a = n.get(key);
        if (a == null || !a.isArray() || (length >= 0 && a.size() != length)) {
            throw new IOException("field." + key + ": expected an array of " + (length >= 0 ? length + " " : "") + "numbers");
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}
