/**
 * EASE, the embarrassingly shallow auto-encoder (Steck, "Embarrassingly Shallow Autoencoders for
 * Sparse Data", WWW 2019): a dense item-item weight matrix in closed form.
 */
package dev.vitrina.recs.ease;
