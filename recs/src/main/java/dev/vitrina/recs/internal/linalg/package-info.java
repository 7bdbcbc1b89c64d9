/**
 * Dense float kernels for the models' inner loops (dot products, weighted projections for the ALS
 * conjugate-gradient solve, blocked scoring), with a Vector API implementation used when {@code
 * jdk.incubator.vector} is present and a scalar one otherwise.
 *
 * <p><b>Not API.</b> This package is public only because Java without modules cannot share a class
 * across packages otherwise; it may change or disappear in any release without notice. Code outside
 * the {@code vitrina-recs} module must not use it, except the module's own benchmarks.
 */
package dev.vitrina.recs.internal.linalg;
