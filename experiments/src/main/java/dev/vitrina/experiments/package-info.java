/**
 * Online experiments (A/B tests): deterministic {@linkplain dev.vitrina.experiments.assign
 * assignment}, sample-size {@linkplain dev.vitrina.experiments.plan planning}, trustworthy
 * {@linkplain dev.vitrina.experiments.analysis analysis} (SRM, Welch, delta method, CUPED, multiple
 * testing) and {@linkplain dev.vitrina.experiments.sequential always-valid sequential tests}.
 */
package dev.vitrina.experiments;
