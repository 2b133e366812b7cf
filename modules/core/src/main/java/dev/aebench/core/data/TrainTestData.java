package dev.aebench.core.data;

/** A training set and a test set of the same image shape. */
public record TrainTestData(Dataset train, Dataset test) {
    public TrainTestData {
        if (train.dim() != test.dim()) {
            throw new IllegalArgumentException("train and test images differ in size: " + train.dim() + " vs " + test.dim());
        }
    }

    public String fingerprint() {
        return train.fingerprint() + "/" + test.fingerprint();
    }
}
