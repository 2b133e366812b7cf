package dev.aebench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns JMH's JSON results ({@code -rf json}) into a Markdown table: time per op, and the derived
 * rate of each kernel — GFLOP/s for GEMMs and convolution layers (2*m*n*k per op), as a share of
 * the measured FMA peak at the same thread count; GB/s for the memory-bound element-wise kernels;
 * ms per training step for the training benchmarks. Usage:
 * {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar dev.aebench.bench.GemmReport results.json}.
 */
public final class GemmReport {
    private GemmReport() {
    }

    /** One JMH result. */
    record Result(String benchmark, String method, String mode, JsonNode params, double score, double error, String unit, int threads) {
        String param(String name) {
            JsonNode p = params == null ? null : params.get(name);
            return p == null ? "" : p.asText();
        }

        /** Nanoseconds per op, from AverageTime results in any time unit. */
        double nanosPerOp() {
            String u = unit.substring(0, unit.indexOf('/'));
            double scale = switch (u) {
                case "ns" -> 1;
                case "us" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                default -> throw new IllegalArgumentException("unit " + unit);
            };
            return score * scale;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: GemmReport JMH_RESULTS.json");
            System.exit(2);
        }
        System.out.print(render(read(Path.of(args[0]))));
    }

    static List<Result> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        List<Result> out = new ArrayList<>();
        for (JsonNode r : root) {
            String full = r.get("benchmark").asText();
            int dot = full.lastIndexOf('.');
            String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
            JsonNode pm = r.get("primaryMetric");
            out.add(new Result(cls, full.substring(dot + 1), r.get("mode").asText(), r.get("params"), pm.get("score").asDouble(),
                    pm.get("scoreError").asDouble(), pm.get("scoreUnit").asText(), r.get("threads").asInt()));
        }
        return out;
    }

    static String render(List<Result> results) {
        double peak1 = Double.NaN;
        double peak2 = Double.NaN;
        for (Result r : results) {
            if (r.benchmark().equals("PeakFlopsBenchmark")) {
                double gflops = r.score() * 1e6 * PeakFlopsBenchmark.flopsPerOp() / 1e9;
                if (r.threads() == 1) {
                    peak1 = gflops;
                } else {
                    peak2 = gflops;
                }
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Measured FMA peak (%d-lane fp32 vectors): %.1f GFLOP/s on 1 thread, %.1f GFLOP/s on 2 threads%n%n",
                PeakFlopsBenchmark.S.length(), peak1, peak2));
        s.append("| benchmark | case | threads | time per op | rate | % of peak |\n|---|---|---|---|---|---|\n");
        for (Result r : results) {
            if (r.benchmark().equals("PeakFlopsBenchmark")) {
                continue;
            }
            String threads = r.param("threads");
            double peak = "1".equals(threads) ? peak1 : peak2;
            String time = String.format(Locale.ROOT, "%.1f ± %.1f %s", r.score(), r.error(), r.unit());
            String rate = "";
            String share = "";
            String what = r.method();
            switch (r.benchmark()) {
                case "GemmBenchmark" -> {
                    String[] p = r.param("shape").split(":");
                    double flops = 2.0 * Long.parseLong(p[1]) * Long.parseLong(p[2]) * Long.parseLong(p[3]);
                    double gflops = flops / r.nanosPerOp();
                    what = p[0] + " " + p[1] + "x" + p[2] + "x" + p[3] + " (" + r.param("kernel") + ")";
                    rate = String.format(Locale.ROOT, "%.1f GFLOP/s", gflops);
                    share = String.format(Locale.ROOT, "%.0f%%", 100 * gflops / peak);
                }
                case "ConvLayerBenchmark" -> {
                    double gflops = ConvLayerBenchmark.flops(r.param("layer"), r.method().equals("backward")) / r.nanosPerOp();
                    what = r.param("layer") + " " + r.method();
                    rate = String.format(Locale.ROOT, "%.1f GFLOP/s", gflops);
                    share = String.format(Locale.ROOT, "%.0f%%", 100 * gflops / peak);
                }
                case "ActivationBenchmark" -> {
                    String[] p = r.param("shape").split(":");
                    double elements = Double.parseDouble(p[0]) * Double.parseDouble(p[1]);
                    // biasActivation: copy in (8 B) + read/write in place (8 B); backward: read y and grad, write grad (12 B)
                    double bytes = elements * (r.method().equals("biasActivation") ? 16 : 12);
                    what = r.method() + " " + r.param("activation") + " " + p[0] + "x" + p[1];
                    rate = String.format(Locale.ROOT, "%.1f GB/s", bytes / r.nanosPerOp());
                }
                case "LossBenchmark" -> {
                    double bytes = LossBenchmark.OUTPUT * 12.0;
                    what = "sigmoidOutputLoss " + r.param("loss") + " 128x784";
                    rate = String.format(Locale.ROOT, "%.1f GB/s", bytes / r.nanosPerOp());
                }
                case "AdamBenchmark" -> {
                    double bytes = Double.parseDouble(r.param("arena")) * 32;
                    what = "adam " + r.param("arena") + " params";
                    rate = String.format(Locale.ROOT, "%.1f GB/s", bytes / r.nanosPerOp());
                }
                case "TrainingEpochBenchmark" -> {
                    String family = r.param("family");
                    what = "training " + family;
                    rate = family.equals("pca") ? String.format(Locale.ROOT, "%.1f ms per fit", r.nanosPerOp() / 1e6)
                            : String.format(Locale.ROOT, "%.2f ms/step, %.1f s per Fashion-MNIST epoch",
                            r.nanosPerOp() / 1e6 / TrainingEpochBenchmark.STEPS, r.nanosPerOp() / 1e9 / TrainingEpochBenchmark.STEPS * 469);
                }
                default -> {
                    what = r.method();
                }
            }
            s.append("| ").append(r.benchmark()).append(" | ").append(what).append(" | ").append(threads.isEmpty() ? r.threads() : threads)
                    .append(" | ").append(time).append(" | ").append(rate).append(" | ").append(share).append(" |\n");
        }
        return s.toString();
    }
}
