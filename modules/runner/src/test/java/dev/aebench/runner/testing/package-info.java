/** Test helpers: synthetic IDX data folders and a test-only model family that fails on request. */
package dev.aebench.runner.testing;
