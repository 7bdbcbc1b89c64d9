/**
 * Sample size, minimum detectable effect (MDE) and duration of a two-sample experiment, for
 * proportions and means, any split, with the CUPED variance reduction. Start at {@link
 * dev.vitrina.experiments.plan.Planner}.
 */
package dev.vitrina.experiments.plan;
