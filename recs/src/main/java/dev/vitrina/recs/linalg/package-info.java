/**
 * Dense float kernels for the models' inner loops (dot products, weighted projections for the ALS
 * conjugate-gradient solve, blocked scoring), with a Vector API implementation used when {@code
 * jdk.incubator.vector} is present and a scalar one otherwise.
 */
package dev.vitrina.recs.linalg;
