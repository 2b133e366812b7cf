package dev.aebench.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aebench.core.result.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Integration tests on the real Fashion-MNIST (the Debian package dataset-fashion-mnist), run by
 * ci/test with -Daebench.integration=true. Quality thresholds come from the foundation issue:
 * PyTorch + scikit-learn reach 0.0095 / 0.856 for ae and PCA's errors are exact properties.
 */
@EnabledIfSystemProperty(named = "aebench.integration", matches = "true")
class FashionMnistQualityTest {
    @TempDir
    Path dir;

    private JsonNode train(String... args) {
        Path json = dir.resolve("r.jsonl");
        String[] full = new String[args.length + 4];
        full[0] = "train";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--json";
        full[args.length + 2] = json.toString();
        full[args.length + 3] = "--quiet";
        CliRunner r = CliRunner.run(full);
        assertEquals(0, r.exit(), () -> "stderr: " + r.err());
        List<JsonNode> lines = JsonLines.read(json);
        return lines.get(lines.size() - 1);
    }

    @Test
    void referenceAutoencoderMatchesPyTorchQuality() {
        JsonNode r = train("--model", "ae", "--epochs", "5", "--seed", "0");
        double mse = r.get("metrics").get("test_mse").asDouble();
        double acc = r.get("metrics").get("probe_acc").asDouble();
        assertTrue(mse <= 0.0100, "ae test MSE " + mse + " > 0.0100");
        assertTrue(acc >= 0.85, "ae probe accuracy " + acc + " < 0.85");
        assertEquals(784 * 256 * 2 + 256 + 784, r.get("metrics").get("param_count").asLong());
        for (String field : List.of("model", "params", "seed", "epochs", "metrics", "time", "provenance")) {
            assertTrue(r.has(field), "JSON line lacks " + field);
        }
        for (String metric : List.of("sec_per_epoch", "first_epoch_sec", "final_train_loss", "test_mse", "probe_acc",
                "probe_sec", "code_dim", "loss_curve")) {
            assertTrue(r.get("metrics").has(metric), "JSON line's metrics lack " + metric);
        }
        JsonNode p = r.get("provenance");
        for (String field : List.of("config", "seed", "commit", "jdk", "cpu", "threads", "libraries", "started")) {
            assertTrue(p.has(field), "provenance lacks " + field);
        }
    }

    @Test
    void pcaErrorsAreTheExactPropertiesOfTheData() {
        JsonNode k32 = train("--model", "pca", "--set", "k=32");
        JsonNode k64 = train("--model", "pca", "--set", "k=64", "--no-probe");
        assertEquals(0.01514, k32.get("metrics").get("test_mse").asDouble(), 0.01514 * 0.005);
        assertEquals(0.01037, k64.get("metrics").get("test_mse").asDouble(), 0.01037 * 0.005);
        assertTrue(k32.get("metrics").get("probe_acc").asDouble() >= 0.81, "pca-32 probe " + k32.get("metrics").get("probe_acc"));
    }

    @Test
    void exactAndSubspaceSolversAgree() {
        JsonNode exact = train("--model", "pca", "--set", "k=16", "--set", "method=exact", "--no-probe");
        JsonNode subspace = train("--model", "pca", "--set", "k=16", "--no-probe");
        assertEquals(exact.get("metrics").get("test_mse").asDouble(), subspace.get("metrics").get("test_mse").asDouble(), 1e-6);
    }

    @Test
    void sameSeedAndThreadsGiveTheSameBits() {
        JsonNode a = train("--model", "ae", "--epochs", "1", "--seed", "3", "--no-probe", "--threads", "2");
        JsonNode b = train("--model", "ae", "--epochs", "1", "--seed", "3", "--no-probe", "--threads", "2");
        assertEquals(a.get("metrics").get("test_mse").asDouble(), b.get("metrics").get("test_mse").asDouble(), 0.0);
        assertEquals(a.get("metrics").get("final_train_loss").asDouble(), b.get("metrics").get("final_train_loss").asDouble(), 0.0);
    }
}
