package dev.aebench.core.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a training run has come, counted at an epoch end: epochs done, optimisation steps
 * taken, the mean loss and wall seconds of every epoch so far, which epochs were the first of
 * their attempt (a fresh JVM: they include what is left of the JIT warm-up, so the speed figure
 * leaves them out), and how many attempts the run took so far.
 *
 * @param coldEpochs zero-based indices of the epochs that were the first of their attempt
 * @param attempts   attempts that contributed epochs (0 before the first)
 */
public record TrainingProgress(int epochsDone, long steps, List<Double> epochLoss, List<Double> epochSeconds,
                               List<Integer> coldEpochs, int attempts) {
    public TrainingProgress {
        epochLoss = List.copyOf(epochLoss);
        epochSeconds = List.copyOf(epochSeconds);
        coldEpochs = List.copyOf(coldEpochs);
        if (epochsDone < 0 || steps < 0 || attempts < 0) {
            throw new IllegalArgumentException("negative progress: epochs " + epochsDone + ", steps " + steps
                    + ", attempts " + attempts);
        }
        if (epochLoss.size() != epochsDone || epochSeconds.size() != epochsDone) {
            throw new IllegalArgumentException("expected " + epochsDone + " epoch losses and times, found "
                    + epochLoss.size() + " and " + epochSeconds.size());
        }
        for (int c : coldEpochs) {
            if (c < 0 || c >= epochsDone) {
                throw new IllegalArgumentException("cold epoch " + c + " outside 0.." + (epochsDone - 1));
            }
        }
    }

    /** Nothing trained yet. */
    public static TrainingProgress fresh() {
        return new TrainingProgress(0, 0, List.of(), List.of(), List.of(), 0);
    }

    /** This progress plus one more epoch, {@code cold} when it was the first of its attempt. */
    public TrainingProgress plusEpoch(double loss, double seconds, long stepsNow, boolean cold, int attemptsNow) {
        List<Double> l = new ArrayList<>(epochLoss);
        l.add(loss);
        List<Double> s = new ArrayList<>(epochSeconds);
        s.add(seconds);
        List<Integer> c = new ArrayList<>(coldEpochs);
        if (cold) {
            c.add(epochsDone);
        }
        return new TrainingProgress(epochsDone + 1, stepsNow, l, s, c, attemptsNow);
    }
}
