/**
 * The ND4J implementation of the kernel interface, selected with {@code AEBENCH_KERNELS=nd4j}
 * in a build made with {@code -Pnd4j} ({@code AEBENCH_MAVEN_ARGS=-Pnd4j ./aebench ...}). It is
 * the second engine the brief asks for: differential tests against the scalar reference, and
 * the engine comparison in docs/PERFORMANCE.md. It stays out of the default build because ND4J
 * 1.0.0-M2.1 brings about 140 MB of jars and native libraries and is several times slower than
 * the Vector-API kernels on these small networks.
 */
package dev.aebench.nd4j;
