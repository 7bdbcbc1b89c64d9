/**
 * Deterministic assignment of units (users, sessions) to experiment variants: a pure function of
 * (unit id, experiment config), with weights, coverage and mutually exclusive layers. Start at
 * {@link dev.vitrina.experiments.assign.Experiment} and {@link
 * dev.vitrina.experiments.assign.BucketHash}.
 */
package dev.vitrina.experiments.assign;
