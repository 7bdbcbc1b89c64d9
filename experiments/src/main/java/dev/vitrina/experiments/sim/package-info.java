/**
 * Seeded Monte Carlo simulations that check the statistics end to end: A/A false-positive rates
 * (fixed horizon, daily peeking, sequential), power at the planned size, the delta method against
 * the naive per-impression test, and the CUPED variance reduction. Start at {@link
 * dev.vitrina.experiments.sim.Simulations}; {@code vitrina abtest simulate} runs the full suite
 * that {@code docs/experiments.md} reports.
 */
package dev.vitrina.experiments.sim;
