/**
 * A global gradient-boosting model (LightGBM through lightgbm4j) trained on primitive feature
 * columns: tweedie, poisson or l2 objective, deterministic with a seed, early stopping on a
 * validation window, saved as a vitrina artifact.
 */
package dev.vitrina.forecast.gbm;
