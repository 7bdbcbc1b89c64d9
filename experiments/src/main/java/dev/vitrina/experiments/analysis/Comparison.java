package dev.vitrina.experiments.analysis;

/**
 * One treatment arm against control on one metric.
 *
 * @param method the test used
 * @param control the control arm
 * @param treatment the treatment arm
 * @param absolute treatment minus control, in metric units
 * @param relative treatment / control - 1, with a delta-method standard error; {@code null} when
 *     the control value is not positive (the relative effect is then undefined or its sign would
 *     mislead: only the absolute effect is meaningful)
 * @param test the test of zero difference
 */
public record Comparison(
    String method,
    ArmSummary control,
    ArmSummary treatment,
    Estimate absolute,
    Estimate relative,
    TestResult test) {}
