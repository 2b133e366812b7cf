/**
 * Small dense linear algebra in double that several modules need and that is not worth a GEMM:
 * Gram-Schmidt orthonormalisation (PCA's subspace iteration, principal angles between
 * subspaces, random orthonormal directions for synthetic data).
 */
package dev.aebench.core.linalg;
