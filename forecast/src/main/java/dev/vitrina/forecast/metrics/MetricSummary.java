package dev.vitrina.forecast.metrics;

/**
 * Errors aggregated over many series and periods. With {@code e = forecast - actual}:
 *
 * <ul>
 *   <li>{@code wape = sum|e| / sum(actual)} (NaN when no demand);
 *   <li>{@code bias = sum(e) / sum(actual)} (positive: over-forecast);
 *   <li>{@code mae = sum|e| / cells}, {@code rmse = sqrt(sum e^2 / cells)};
 *   <li>{@code mase}, {@code rmsse}: the mean of the per-series values over the {@code
 *       scaledSeries} series whose MASE and RMSSE scales are both defined and positive (the others
 *       are counted in {@code series - scaledSeries}, never silently mixed in).
 * </ul>
 */
public record MetricSummary(
    int series,
    long cells,
    double wape,
    double bias,
    double mae,
    double rmse,
    double mase,
    double rmsse,
    int scaledSeries) {}
