package dev.aebench.core.dense;

import dev.aebench.core.kernel.Activation;
import dev.aebench.core.kernel.LossKind;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.HyperParameter;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.objective.ObjectiveRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of every dense family: the shared hyperparameters (layer sizes, activations, tied
 * weights, loss, learning rate, batch, corruption, penalty) with family-specific defaults, plus
 * hooks through which a family adds its own named knobs (such as {@code sigma} or
 * {@code lambda}) that become a corruption or a penalty term.
 */
public abstract class DenseFamily implements ModelFamily {

    /** Family defaults for the shared hyperparameters. */
    public record Defaults(String hidden, String activation, String output, boolean tied, String loss) {
        /** The shallow reference model: 784-256-784, sigmoid code and output, MSE, untied. */
        public static final Defaults SHALLOW = new Defaults("256", "sigmoid", "sigmoid", false, "mse");
    }

    private final ObjectiveRegistry objectives = ObjectiveRegistry.load();

    /** Defaults for the shared hyperparameters: {@link Defaults#SHALLOW} unless a family overrides. */
    protected Defaults defaults() {
        return Defaults.SHALLOW;
    }

    /** Extra hyperparameters of this family (none by default). */
    protected List<HyperParameter> extraHyperParameters() {
        return List.of();
    }

    /** The corruption spec implied by the family's own knobs, or null for none. */
    protected String familyCorruption(ModelConfig config) {
        return null;
    }

    /** The penalty spec implied by the family's own knobs, or null for none. */
    protected String familyPenalty(ModelConfig config) {
        return null;
    }

    protected final ObjectiveRegistry objectives() {
        return objectives;
    }

    @Override
    public final List<HyperParameter> hyperParameters() {
        Defaults d = defaults();
        List<HyperParameter> h = new ArrayList<>();
        h.add(HyperParameter.text("hidden", d.hidden(),
                "encoder layer sizes, comma-separated, the last is the code; the decoder mirrors them",
                DenseFamily::checkSizes));
        h.add(HyperParameter.choice("activation", d.activation(), "activation of every hidden layer, code included",
                "sigmoid", "relu", "tanh", "identity"));
        h.add(HyperParameter.choice("output", d.output(), "activation of the reconstruction", "sigmoid", "identity"));
        h.add(HyperParameter.bool("tied", d.tied(), "decoder weights are the encoder's, transposed"));
        h.add(HyperParameter.choice("loss", d.loss(), "reconstruction loss, mean over pixels and batch", "mse", "bce"));
        h.add(HyperParameter.real("lr", 1e-3, 1e-7, 10, "Adam learning rate (betas 0.9/0.999, eps 1e-8)"));
        h.add(HyperParameter.integer("batch", 128, 1, 65536, "mini-batch size; the last partial batch is kept"));
        h.addAll(extraHyperParameters());
        h.add(HyperParameter.text("corruption", "none",
                "extra input corruption name:level (" + names(objectives.corruptions().stream().map(c -> c.name()).toList())
                        + ") or none", objectives::checkCorruption));
        h.add(HyperParameter.text("penalty", "none",
                "extra penalty terms name:weight[:param] joined by + (" + names(objectives.penalties().stream().map(p -> p.name()).toList())
                        + ") or none", objectives::checkPenalty));
        return h;
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none installed" : String.join(", ", names);
    }

    /** The validated spec for a resolved configuration. */
    public DenseSpec spec(ModelConfig c) {
        String corruption = join(familyCorruption(c), c.get("corruption"), "corruption");
        String penalty = join(familyPenalty(c), c.get("penalty"), "penalty");
        return new DenseSpec(parseSizes(c.get("hidden")), Activation.parse(c.get("activation")),
                Activation.parse(c.get("output")), c.getBool("tied"), LossKind.valueOf(c.get("loss").toUpperCase()),
                (float) c.getDouble("lr"), c.getInt("batch"), corruption, penalty);
    }

    private static String join(String family, String user, String what) {
        boolean hasFamily = family != null && !family.equals("none");
        boolean hasUser = user != null && !user.equals("none");
        if (hasFamily && hasUser) {
            if (what.equals("corruption")) {
                throw new dev.aebench.core.error.UserError("corruption: this family already corrupts its input ("
                        + family + "); found a second corruption " + user);
            }
            return family + "+" + user;
        }
        return hasFamily ? family : hasUser ? user : "none";
    }

    @Override
    public Autoencoder create(ModelConfig config, ModelContext context) {
        return new DenseAutoencoder(spec(config), context, objectives);
    }

    static String checkSizes(String v) {
        try {
            parseSizes(v);
            return null;
        } catch (RuntimeException e) {
            return "comma-separated positive layer sizes such as 256 or 512,128,32";
        }
    }

    static int[] parseSizes(String v) {
        String[] parts = v.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].trim());
            if (out[i] < 1 || out[i] > 1 << 16) {
                throw new IllegalArgumentException();
            }
        }
        return out;
    }
}
