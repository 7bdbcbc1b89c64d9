package dev.vitrina.forecast.marketplace;

import dev.vitrina.demand.panel.Panel;

/**
 * A marketplace forecast from one origin and what it cost.
 *
 * @param bottom store x item x day forecasts, {@code bottom series x horizon days}, series-major,
 *     in the order of {@link MarketplaceHistory#bottom()}'s series
 * @param levelPanel the panel of the model's level (history before the origin)
 * @param atLevel the forecasts at the model's level and frequency, {@code level series x horizon
 *     periods}, series-major
 * @param featureSeconds feature-building time (for a baseline: panel-building time)
 * @param fitSeconds LightGBM training time (0 when forecasting from a trained model; for a
 *     baseline: its forecasting time)
 * @param predictSeconds disaggregation time
 * @param bottomWithoutParent bottom series forecast 0 because their parent is not in the level's
 *     panel at the origin (first sold after it)
 */
public record MarketplaceForecast(
    double[] bottom,
    Panel levelPanel,
    double[] atLevel,
    double featureSeconds,
    double fitSeconds,
    double predictSeconds,
    int bottomWithoutParent) {}
