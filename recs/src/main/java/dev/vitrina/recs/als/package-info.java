/**
 * Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren and Volinsky,
 * "Collaborative Filtering for Implicit Feedback Datasets", ICDM 2008), with each least-squares
 * problem solved approximately by a few conjugate-gradient steps (Takacs, Pilaszy and Tikk,
 * "Applications of the conjugate gradient method for implicit feedback collaborative filtering",
 * RecSys 2011), as the {@code implicit} library does.
 */
package dev.vitrina.recs.als;
