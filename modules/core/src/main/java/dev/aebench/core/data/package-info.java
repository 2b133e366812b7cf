/**
 * Data: the IDX reader (gzip or raw, validated), the locator that finds Fashion-MNIST or any
 * MNIST-format folder, the in-memory {@link dev.aebench.core.data.Dataset} with a fingerprint,
 * a seeded synthetic image generator for tests, and seeded two-dimensional data sets
 * ({@code synthetic:mixture}, {@code circle}, {@code spiral}) whose mixture has an exact score.
 */
package dev.aebench.core.data;
