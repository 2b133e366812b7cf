/**
 * Undercomplete autoencoder families on the shared dense model: {@code ae} (shallow, the
 * reference configuration), {@code deep}, {@code tied} and {@code linear}, plus the {@code l2}
 * weight-decay penalty. Each family only chooses defaults; the math lives in core.
 */
package dev.aebench.ae;
