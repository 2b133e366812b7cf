/**
 * The performance regression gate behind {@code aebench perf check} and {@code perf compare}.
 * Each family trains a fixed short workload on synthetic 28x28 images
 * ({@link dev.aebench.perf.FamilyWorkload}); every timing is divided by a frozen calibration GEMM
 * timed just before and just after it in the same process ({@link dev.aebench.perf.CalibrationKernel}),
 * so a uniformly slower or busier machine cancels out. {@code check} compares the repeated ratios
 * with the committed baseline's section for the machine's {@link dev.aebench.perf.CpuClass}
 * (vector width and measured FMA-peak band); {@code compare} ({@link dev.aebench.perf.PerfCompare})
 * measures a base commit, built in a cached checkout of its own ({@link dev.aebench.perf.BaseBuild}),
 * and the working tree alternately in fresh JVMs. Both use a one-sided Mann-Whitney U test and a
 * relative threshold ({@link dev.aebench.perf.SpeedComparison}) with the Hodges-Lehmann ratio and
 * its interval ({@link dev.aebench.perf.RatioInterval}), and compare the final training loss with
 * a tight tolerance ({@link dev.aebench.perf.QualityComparison}), so a silent change of the numbers
 * fails too. The outcome can be written as JSON, JUnit XML, Markdown and a JSONL history
 * ({@link dev.aebench.perf.GateOutputs}), whose trends and change points
 * ({@link dev.aebench.perf.ChangePoints}) {@code perf report} draws.
 */
package dev.aebench.perf;
