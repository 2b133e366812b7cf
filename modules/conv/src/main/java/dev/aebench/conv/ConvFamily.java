package dev.aebench.conv;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.HyperParameter;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.objective.ObjectiveRegistry;

import java.util.List;

/**
 * {@code conv}: the convolutional autoencoder. Reference: Conv(1-16, 3x3, s2, p1)-ReLU-Conv(16-32,
 * 3x3, s2, p1)-ReLU-Flatten-Linear(1568-32) encoder with an identity code; Linear(32-1568)-ReLU,
 * ConvT(32-16, op1)-ReLU, ConvT(16-1, op1)-sigmoid decoder; MSE, Adam 1e-3, batch 128.
 */
public final class ConvFamily implements ModelFamily {
    private final ObjectiveRegistry objectives = ObjectiveRegistry.load();

    @Override
    public String name() {
        return "conv";
    }

    @Override
    public String summary() {
        return "convolutional autoencoder (reference: conv 16,32 3x3 stride 2, code 32, transposed convs back, "
                + "sigmoid, MSE); corruption=NAME:LEVEL makes it denoising";
    }

    @Override
    public List<HyperParameter> hyperParameters() {
        return List.of(
                HyperParameter.text("channels", "16,32",
                        "output channels of each encoder convolution, comma-separated; the decoder mirrors them",
                        ConvFamily::checkChannels),
                HyperParameter.integer("kernel", 3, 1, 15, "square kernel side of every convolution (padding kernel/2)"),
                HyperParameter.integer("stride", 2, 1, 4, "stride of every convolution and transposed convolution"),
                HyperParameter.integer("code", 32, 1, 65536, "code size (the dense bottleneck)"),
                HyperParameter.choice("activation", "relu", "activation after every hidden layer",
                        "relu", "tanh", "sigmoid", "identity"),
                HyperParameter.choice("code_activation", "identity", "activation of the code layer",
                        "identity", "relu", "tanh", "sigmoid"),
                HyperParameter.real("lr", 1e-3, 1e-7, 10, "Adam learning rate (betas 0.9/0.999, eps 1e-8)"),
                HyperParameter.integer("batch", 128, 1, 65536, "mini-batch size; the last partial batch is kept"),
                HyperParameter.text("corruption", "none",
                        "input corruption name:level (" + corruptionNames() + ") or none; the target stays clean",
                        objectives::checkCorruption));
    }

    private String corruptionNames() {
        List<String> names = objectives.corruptions().stream().map(c -> c.name()).toList();
        return names.isEmpty() ? "none installed" : String.join(", ", names);
    }

    /** The validated spec of a resolved configuration. */
    public ConvSpec spec(ModelConfig c) {
        return new ConvSpec(parseChannels(c.get("channels")), c.getInt("kernel"), c.getInt("stride"), c.getInt("code"),
                Activation.parse(c.get("activation")), Activation.parse(c.get("code_activation")),
                (float) c.getDouble("lr"), c.getInt("batch"), c.get("corruption"));
    }

    @Override
    public Autoencoder create(ModelConfig config, ModelContext context) {
        return new ConvAutoencoder(spec(config), context, objectives);
    }

    static String checkChannels(String v) {
        try {
            parseChannels(v);
            return null;
        } catch (RuntimeException e) {
            return "comma-separated channel counts in [1, 1024] such as 16,32";
        }
    }

    static int[] parseChannels(String v) {
        String[] parts = v.split(",", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].trim());
            if (out[i] < 1 || out[i] > 1024) {
                throw new IllegalArgumentException("channel count " + out[i]);
            }
        }
        return out;
    }
}
