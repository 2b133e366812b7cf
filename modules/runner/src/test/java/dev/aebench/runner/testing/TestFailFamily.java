package dev.aebench.runner.testing;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.model.Autoencoder;
import dev.aebench.core.model.HyperParameter;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.FitReport;
import dev.aebench.core.train.MiniBatchLoop;

import java.util.List;

/**
 * A test-only family, {@code testfail}, registered through META-INF/services in the test
 * resources: an identity "autoencoder" whose training, through the core's mini-batch loop,
 * succeeds ({@code mode=ok}), throws ({@code mode=throw}) or returns a NaN loss so that the loop
 * reports divergence ({@code mode=nan}).
 */
public final class TestFailFamily implements ModelFamily {
    public static final String MESSAGE = "boom: the testfail family was asked to fail";

    @Override
    public String name() {
        return "testfail";
    }

    @Override
    public String summary() {
        return "test only: identity model whose training succeeds, throws or diverges";
    }

    @Override
    public List<HyperParameter> hyperParameters() {
        return List.of(HyperParameter.choice("mode", "ok", "what training does", "ok", "throw", "nan"));
    }

    @Override
    public Autoencoder create(ModelConfig config, ModelContext context) {
        String mode = config.get("mode");
        int dim = context.inputDim();
        return new Autoencoder() {
            @Override
            public int inputDim() {
                return dim;
            }

            @Override
            public int codeDim() {
                return dim;
            }

            @Override
            public long parameterCount() {
                return 0;
            }

            @Override
            public FitReport fit(Dataset train, int epochs, EpochListener listener) {
                if (mode.equals("throw")) {
                    throw new IllegalStateException(MESSAGE);
                }
                int[] calls = {0};
                return MiniBatchLoop.run(train, epochs, 16, context.seed(), (batch, rows, seed) ->
                        mode.equals("nan") && ++calls[0] >= 2 ? Double.NaN : 0.0, listener);
            }

            @Override
            public void encode(float[] x, int rows, float[] codes) {
                System.arraycopy(x, 0, codes, 0, rows * dim);
            }

            @Override
            public void decode(float[] codes, int rows, float[] out) {
                System.arraycopy(codes, 0, out, 0, rows * dim);
            }
        };
    }
}
