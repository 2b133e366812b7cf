/**
 * The performance regression gate behind {@code aebench perf check}. Each family trains a fixed
 * short workload on synthetic 28x28 images ({@link dev.aebench.perf.FamilyWorkload}); every
 * timing is divided by a frozen calibration GEMM timed just before and just after it in the same
 * process ({@link dev.aebench.perf.CalibrationKernel}), so a uniformly slower or busier machine
 * cancels out. The repeated ratios are compared with a committed baseline by a one-sided
 * Mann-Whitney U test and a relative threshold ({@link dev.aebench.perf.SpeedComparison}), and
 * the final training loss is compared with a tight tolerance
 * ({@link dev.aebench.perf.QualityComparison}), so a silent change of the numbers fails too.
 */
package dev.aebench.perf;
