package dev.aebench.core.objective;

/**
 * A term added to the reconstruction loss, computed from the encoder's state after the forward
 * pass. It returns its value (a mean over the batch) and, when asked, adds its gradient to the
 * encoder layers' output gradients and directly to the arena's parameter gradients.
 */
public interface Penalty {
    /** For provenance and tables, such as {@code contractive:0.1}. */
    String describe();

    double apply(EncoderState encoder, boolean withGradient);
}
