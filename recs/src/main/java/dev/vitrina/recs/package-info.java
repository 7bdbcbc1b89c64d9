/**
 * Recommendations: validated {@link dev.vitrina.recs.data.Interactions}, trainers and immutable
 * models (popular, item-kNN, implicit ALS, EASE) behind one {@link
 * dev.vitrina.recs.model.Recommender} contract, and honest offline evaluation. {@link
 * dev.vitrina.recs.RecsModels} names the models for command lines and loads any saved model.
 */
package dev.vitrina.recs;
