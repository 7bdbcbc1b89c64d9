/**
 * Benchmarks of the recommenders: implicit ALS training and batch top-k on MovieLens-20M-shaped
 * data.
 */
package dev.vitrina.bench.recs;
