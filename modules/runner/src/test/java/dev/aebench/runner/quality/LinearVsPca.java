package dev.aebench.runner.quality;

import dev.aebench.core.data.Dataset;
import dev.aebench.core.dense.DenseAutoencoder;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.nn.DenseLayer;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.Evaluation;
import dev.aebench.pca.PcaModel;
import dev.aebench.pca.PrincipalAngles;

import java.util.HashMap;
import java.util.Map;

/**
 * Trains the {@code linear} family and fits {@code pca} with the same k on the same data, and
 * gives the principal angles (degrees, ascending) from PCA's top-k subspace to the span of the
 * decoder's columns (the directions the reconstruction {@code x^ = W_d^T z + b} is built from)
 * and to the span of the encoder's rows (the directions the code reads).
 */
final class LinearVsPca {
    private static final ModelRegistry MODELS = ModelRegistry.load();

    private LinearVsPca() {
    }

    record Angles(double[] decoder, double[] encoder, double linearMse, double pcaMse) {
        static double median(double[] ascending) {
            int n = ascending.length;
            return n % 2 == 1 ? ascending[n / 2] : 0.5 * (ascending[n / 2 - 1] + ascending[n / 2]);
        }

        String describe(String what) {
            return String.format("%s: decoder largest %.2f median %.2f smallest %.2f deg; encoder largest %.2f median "
                            + "%.2f smallest %.2f deg; train MSE linear %.6f, pca %.6f", what,
                    decoder[decoder.length - 1], median(decoder), decoder[0],
                    encoder[encoder.length - 1], median(encoder), encoder[0], linearMse, pcaMse);
        }
    }

    static Angles measure(Dataset train, int k, Map<String, String> linearSettings, int epochs, long seed,
                          Kernels kernels) {
        return measure(train, k, linearSettings, epochs, seed, kernels, "exact");
    }

    /** As above with PCA's eigen-solver {@code pcaMethod} (auto, subspace or exact). */
    static Angles measure(Dataset train, int k, Map<String, String> linearSettings, int epochs, long seed,
                          Kernels kernels, String pcaMethod) {
        ModelContext context = new ModelContext(train.height(), train.width(), seed, kernels);
        ModelFamily linear = MODELS.get("linear");
        Map<String, String> settings = new HashMap<>(linearSettings);
        settings.put("hidden", Integer.toString(k));
        DenseAutoencoder ae = (DenseAutoencoder) linear.create(ModelConfig.resolve(linear, settings), context);
        ae.fit(train, epochs, EpochListener.NONE);

        ModelFamily pcaFamily = MODELS.get("pca");
        PcaModel pca = (PcaModel) pcaFamily.create(ModelConfig.resolve(pcaFamily,
                Map.of("k", Integer.toString(k), "method", pcaMethod)), context);
        pca.fit(train, 1, EpochListener.NONE);

        int d = train.dim();
        double[][] components = PrincipalAngles.columnsOf(pca.components(), 0, d, k);
        float[] params = ae.arena().params();
        DenseLayer encoder = ae.layers().get(0); // W_e: d x k, column j is what code unit j reads
        DenseLayer decoder = (DenseLayer) ae.decoderLayers().get(0); // W_d: k x d, row j is what code unit j writes
        double[][] encoderRows = PrincipalAngles.columnsOf(params, encoder.weightOffset(), d, k);
        double[][] decoderColumns = PrincipalAngles.rowsOf(params, decoder.weightOffset(), k, d);
        return new Angles(PrincipalAngles.degreesBetween(components, decoderColumns),
                PrincipalAngles.degreesBetween(components, encoderRows), Evaluation.reconstructionMse(ae, train),
                Evaluation.reconstructionMse(pca, train));
    }
}
