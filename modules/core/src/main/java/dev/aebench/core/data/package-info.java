/**
 * Data: the IDX reader (gzip or raw, validated), the locator that finds Fashion-MNIST or any
 * MNIST-format folder, the in-memory {@link dev.aebench.core.data.Dataset} with a fingerprint,
 * and a seeded synthetic image generator for tests.
 */
package dev.aebench.core.data;
