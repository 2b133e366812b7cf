package dev.aebench.core.testing;

import dev.aebench.core.checkpoint.CheckpointFingerprint;
import dev.aebench.core.checkpoint.CheckpointOptions;
import dev.aebench.core.checkpoint.Checkpointing;
import dev.aebench.core.checkpoint.TrainingSnapshot;
import dev.aebench.core.checkpoint.TrialCheckpoints;
import dev.aebench.core.data.Dataset;
import dev.aebench.core.kernel.Kernels;
import dev.aebench.core.model.ModelConfig;
import dev.aebench.core.model.ModelContext;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.train.ArenaAutoencoder;
import dev.aebench.core.train.EpochListener;
import dev.aebench.core.train.Evaluation;
import dev.aebench.core.train.FitReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The resume-gives-the-same-bits check every family's tests run: a model trained for
 * {@code epochs} epochs without a stop, against fresh models of the same configuration (as a
 * new process would build) trained in pieces, each piece stopped right after the end of an
 * epoch of {@code stops} (as a kill does) and the next resuming from the checkpoint file.
 * Final parameters, Adam's moments, loss curve, steps and test MSE must be equal bit for bit.
 */
public final class ResumeCheck {
    private ResumeCheck() {
    }

    /** Thrown by the stopping checkpointing right after the epoch end it stops at: a kill. */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Killed() {
            super(null, null, false, false);
        }
    }

    /** What resuming printed, for the caller's own checks. */
    public record Outcome(FitReport straight, FitReport resumed, List<String> notes) {
    }

    /**
     * @param stops      epochs (ascending, each &lt; epochs) after whose end a piece is killed
     * @param interval   the checkpoints' minimum interval: 0 writes every epoch; a large value
     *                   writes only each attempt's first epoch, so a kill loses the epochs since
     */
    public static Outcome assertResumesExactly(Supplier<? extends ArenaAutoencoder> build, Dataset train, Dataset test,
                                               int epochs, int[] stops, double interval, Path dir) {
        ArenaAutoencoder straight = build.get();
        FitReport expected = straight.fit(train, epochs, EpochListener.NONE);
        double expectedMse = Evaluation.reconstructionMse(straight, test);

        CheckpointOptions options = new CheckpointOptions(dir.resolve("trial.ckpt"), interval);
        CheckpointFingerprint fingerprint = new CheckpointFingerprint(Map.of("trial", "resume-check"));
        List<String> notes = new ArrayList<>();
        for (int stop : stops) {
            ArenaAutoencoder piece = build.get();
            try {
                piece.fit(train, epochs, EpochListener.NONE,
                        stopping(new TrialCheckpoints(options, fingerprint, notes::add), stop));
                throw new AssertionError("the piece was not stopped at epoch " + stop);
            } catch (Killed expectedKill) {
                // as if the process had been killed here
            }
        }
        ArenaAutoencoder last = build.get();
        FitReport resumed = last.fit(train, epochs, EpochListener.NONE, new TrialCheckpoints(options, fingerprint, notes::add));

        assertArrayEquals(bits(straight.arena().params()), bits(last.arena().params()), "parameters");
        assertArrayEquals(bits(straight.arena().firstMoment()), bits(last.arena().firstMoment()), "Adam's first moment");
        assertArrayEquals(bits(straight.arena().secondMoment()), bits(last.arena().secondMoment()), "Adam's second moment");
        assertEquals(expected.epochLoss(), resumed.epochLoss(), "loss curve");
        assertEquals(expected.steps(), resumed.steps(), "steps");
        assertEquals(Double.doubleToRawLongBits(expectedMse),
                Double.doubleToRawLongBits(Evaluation.reconstructionMse(last, test)), "test MSE bits");
        assertEquals(epochs, resumed.epochSeconds().size(), "one time per epoch");
        if (stops.length > 0) {
            assertNotEquals(0, resumed.resumedFromEpoch(), "the last piece resumed");
        }
        return new Outcome(expected, resumed, List.copyOf(notes));
    }

    /** Fresh models of family {@code name} with {@code settings} on {@code side x side} images, as a new process builds them. */
    public static Supplier<ArenaAutoencoder> family(String name, Map<String, String> settings, int side, long seed,
                                                    Kernels kernels) {
        ModelFamily family = ModelRegistry.load().get(name);
        ModelConfig config = ModelConfig.resolve(family, settings);
        return () -> (ArenaAutoencoder) family.create(config, new ModelContext(side, side, seed, kernels));
    }

    private static Checkpointing stopping(Checkpointing inner, int stopAfter) {
        return new Checkpointing() {
            @Override
            public Optional<TrainingSnapshot> resume() {
                return inner.resume();
            }

            @Override
            public void rejected(String why) {
                inner.rejected(why);
            }

            @Override
            public void epochEnd(int epochsDone, int epochs, Supplier<TrainingSnapshot> snapshot) {
                inner.epochEnd(epochsDone, epochs, snapshot);
                if (epochsDone == stopAfter) {
                    throw new Killed();
                }
            }

            @Override
            public void trainingEnded() {
                inner.trainingEnded(); // a write in flight at the kill ends whole or not at all: here, whole
            }
        };
    }

    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Float.floatToRawIntBits(a[i]);
        }
        return b;
    }
}
