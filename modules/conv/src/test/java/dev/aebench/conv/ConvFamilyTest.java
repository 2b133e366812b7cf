package dev.aebench.conv;

import dev.aebench.core.error.UserError;
import dev.aebench.core.kernel.KernelFactory;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.nn.Conv2dLayer;
import dev.aebench.core.nn.ConvTranspose2dLayer;
import dev.aebench.core.nn.Layer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The family is found by name, builds the reference architecture and rejects bad settings in one line. */
class ConvFamilyTest {

    @Test
    void isRegisteredAsConv() {
        ModelFamily f = ModelRegistry.load().get("conv");
        assertTrue(f instanceof ConvFamily);
        assertTrue(f.summary().contains("convolutional"));
    }

    @Test
    void referenceConfigurationHasPyTorchsShapesAndParameterCount() {
        ConvFamily f = new ConvFamily();
        try (Kernels ks = KernelFactory.create(1)) {
            ConvAutoencoder m = (ConvAutoencoder) f.create(ModelConfig.resolve(f, Map.of()), new ModelContext(28, 28, 1, ks));
            // conv 1-16: 160, conv 16-32: 4640, linear 1568-32: 50208, linear 32-1568: 51744, convT 32-16: 4624, convT 16-1: 145
            assertEquals(111_521, m.parameterCount());
            List<Layer> enc = m.encoderLayers().layers();
            assertEquals(16 * 14 * 14, enc.get(0).outputSize());
            assertEquals(32 * 7 * 7, enc.get(1).outputSize());
            assertEquals(32, enc.get(2).outputSize());
            assertEquals(32, m.codeDim());
            List<Layer> dec = m.decoderLayers().layers();
            assertEquals(1568, dec.get(0).outputSize());
            ConvTranspose2dLayer t1 = (ConvTranspose2dLayer) dec.get(1);
            ConvTranspose2dLayer t2 = (ConvTranspose2dLayer) dec.get(2);
            assertEquals(14, t1.outHeight());
            assertEquals(1, t1.outputPadding());
            assertEquals(28, t2.outHeight());
            assertEquals(1, t2.outputPadding());
            assertEquals(784, m.decoderLayers().outputSize());
            assertEquals(3, ((Conv2dLayer) enc.get(0)).geometry().kernel());
        }
    }

    @Test
    void oddImagesAndOtherKernelsLandBackOnTheInputSize() {
        ConvFamily f = new ConvFamily();
        try (Kernels ks = KernelFactory.create(1)) {
            for (String kernel : new String[] {"1", "2", "3", "4", "5"}) {
                for (int side : new int[] {7, 9, 28}) {
                    Autoencoder m = f.create(ModelConfig.resolve(f, Map.of("channels", "2,3,2", "kernel", kernel, "code", "4")),
                            new ModelContext(side, side, 1, ks));
                    float[] x = new float[2 * side * side];
                    float[] codes = new float[8];
                    float[] out = new float[x.length];
                    m.encode(x, 2, codes);
                    m.decode(codes, 2, out);
                    assertEquals(side * side, ((ConvAutoencoder) m).decoderLayers().outputSize(), "kernel " + kernel + ", side " + side);
                }
            }
        }
    }

    @Test
    void badSettingsAreOneLineUserErrors() {
        ConvFamily f = new ConvFamily();
        UserError channels = assertThrows(UserError.class, () -> ModelConfig.resolve(f, Map.of("channels", "16,x")));
        assertEquals("hyperparameter channels of model conv: expected comma-separated channel counts in [1, 1024] such as 16,32,"
                + " found '16,x'", channels.getMessage());
        UserError zero = assertThrows(UserError.class, () -> ModelConfig.resolve(f, Map.of("channels", "0")));
        assertTrue(zero.getMessage().contains("channels"), zero.getMessage());
        UserError kernel = assertThrows(UserError.class, () -> ModelConfig.resolve(f, Map.of("kernel", "0")));
        assertEquals("hyperparameter kernel of model conv: expected an integer in [1, 15], found 0", kernel.getMessage());
        UserError corruption = assertThrows(UserError.class, () -> ModelConfig.resolve(f, Map.of("corruption", "gausian:0.5")));
        assertTrue(corruption.getMessage().startsWith("hyperparameter corruption of model conv: expected"), corruption.getMessage());
        UserError penalty = assertThrows(UserError.class, () -> ModelConfig.resolve(f, Map.of("penalty", "contractive:0.1")));
        assertTrue(penalty.getMessage().startsWith("unknown hyperparameter 'penalty' for model conv"), penalty.getMessage());
        assertTrue(ModelConfig.resolve(f, Map.of("corruption", "flip:0.1")).get("corruption").equals("flip:0.1"));
    }
}
