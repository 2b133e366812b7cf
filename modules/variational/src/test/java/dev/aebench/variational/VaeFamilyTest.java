package dev.aebench.variational;

import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The family is found by name, builds the reference architecture and rejects bad settings in one line. */
class VaeFamilyTest {

    @Test
    void isRegisteredAsVae() {
        assertTrue(ModelRegistry.load().get("vae") instanceof VaeFamily);
    }

    @Test
    void referenceConfigurationHasPyTorchsParameterCount() {
        VaeFamily f = new VaeFamily();
        try (Kernels ks = KernelFactory.create(1)) {
            VariationalAutoencoder m = (VariationalAutoencoder) f.create(ModelConfig.resolve(f, Map.of()),
                    new ModelContext(28, 28, 1, ks));
            // 784-400: 314000, 400-(20+20): 16040, 20-400: 8400, 400-784: 314384
            assertEquals(652_824, m.parameterCount());
            assertEquals(20, m.codeDim());
            assertEquals(40, m.encoderLayers().outputSize());
            assertEquals(784, m.decoderLayers().outputSize());
            assertEquals(new VaeSpec(new int[] {400}, 20, 1.0, DecoderLikelihood.BERNOULLI, 1e-3f, 128), m.spec());
        }
    }

    @Test
    void optionsReachTheSpec() {
        VaeFamily f = new VaeFamily();
        VaeSpec s = f.spec(ModelConfig.resolve(f, Map.of("beta", "4", "decoder", "gaussian", "latent", "8",
                "hidden", "512,256")));
        assertEquals(4.0, s.beta());
        assertEquals(DecoderLikelihood.GAUSSIAN, s.decoder());
        assertEquals(8, s.latent());
        assertEquals(2, s.hidden().length);
    }

    @Test
    void badSettingsAreOneLineUserErrors() {
        VaeFamily f = new VaeFamily();
        UserError beta = assertThrows(UserError.class, () -> ModelConfig.resolve(f, Map.of("beta", "-1")));
        assertEquals("hyperparameter beta of model vae: expected a number in [0, 1000000], found -1", beta.getMessage());
        UserError decoder = assertThrows(UserError.class, () -> ModelConfig.resolve(f, Map.of("decoder", "poisson")));
        assertEquals("hyperparameter decoder of model vae: expected one of bernoulli, gaussian, found 'poisson'",
                decoder.getMessage());
        UserError latent = assertThrows(UserError.class, () -> ModelConfig.resolve(f, Map.of("latent", "0")));
        assertTrue(latent.getMessage().startsWith("hyperparameter latent of model vae: expected an integer"), latent.getMessage());
        UserError hidden = assertThrows(UserError.class, () -> ModelConfig.resolve(f, Map.of("hidden", "400,")));
        assertTrue(hidden.getMessage().contains("found '400,'"), hidden.getMessage());
        UserError unknown = assertThrows(UserError.class, () -> ModelConfig.resolve(f, Map.of("corruption", "gaussian:0.5")));
        assertTrue(unknown.getMessage().startsWith("unknown hyperparameter 'corruption' for model vae"), unknown.getMessage());
    }
}
