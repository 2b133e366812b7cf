/**
 * JMH benchmarks: the kernels at the shapes of the reference models (GEMM, fused activations,
 * the sigmoid-output loss, Adam, convolution layers), the machine's FMA peak they are compared
 * with, and one training epoch per family. {@link dev.aebench.bench.GemmReport} turns JMH's JSON
 * into GFLOP/s and GB/s. Build with {@code mvn -pl modules/bench -am package}; run everything
 * with {@code ci/bench-kernels.sh} or by hand with
 * {@code java --add-modules jdk.incubator.vector -jar modules/bench/target/benchmarks.jar -rf json}.
 */
package dev.aebench.bench;
