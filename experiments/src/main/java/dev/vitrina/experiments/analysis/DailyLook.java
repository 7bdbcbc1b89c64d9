package dev.vitrina.experiments.analysis;

import dev.vitrina.experiments.stats.Interval;

/**
 * The effect as it looked on one day: the naive fixed-horizon interval and p-value (not valid under
 * repeated looks) beside the always-valid ones.
 *
 * @param day the day of the look ({@code -1} for a single look without days)
 * @param units units in control and treatment by that day
 * @param estimate the absolute effect estimate
 * @param fixedCi the fixed-horizon CI (valid only at a single pre-planned look)
 * @param fixedP the fixed-horizon p-value (same caveat)
 * @param alwaysValidP the always-valid p-value up to this look
 * @param confidenceSequence the always-valid interval up to this look
 */
public record DailyLook(
    int day,
    long units,
    double estimate,
    Interval fixedCi,
    double fixedP,
    double alwaysValidP,
    Interval confidenceSequence) {}
