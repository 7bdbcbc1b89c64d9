/**
 * Offline evaluation: splitters (global time, per-user last-N, random per-user holdout, k-fold),
 * ranking metrics at k with per-user distributions and bootstrap intervals, catalogue coverage,
 * novelty and intra-list diversity, and a grid search on a validation split carved from training.
 */
package dev.vitrina.recs.eval;
