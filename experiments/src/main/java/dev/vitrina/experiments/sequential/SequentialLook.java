package dev.vitrina.experiments.sequential;

import dev.vitrina.experiments.stats.Interval;

/**
 * The always-valid result after one look.
 *
 * @param look 1-based look number
 * @param estimate the effect estimate at this look
 * @param standardError its standard error
 * @param pValue the always-valid p-value (running minimum over the looks)
 * @param confidenceSequence the always-valid interval (running intersection over the looks)
 * @param reject whether {@code pValue <= alpha}
 */
public record SequentialLook(
    int look,
    double estimate,
    double standardError,
    double pValue,
    Interval confidenceSequence,
    boolean reject) {}
