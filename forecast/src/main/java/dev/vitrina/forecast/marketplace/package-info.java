/**
 * Marketplace demand forecasting for production: a {@link
 * dev.vitrina.forecast.marketplace.MarketplaceTrainer} fits a {@link
 * dev.vitrina.forecast.marketplace.MarketplaceSpec} on a {@link
 * dev.vitrina.forecast.marketplace.MarketplaceHistory} into an immutable {@link
 * dev.vitrina.forecast.marketplace.MarketplaceModel}, saved and loaded as an artifact, which
 * forecasts store x item x day demand from a history and an origin; {@link
 * dev.vitrina.forecast.marketplace.ForecastParquet} writes the forecasts.
 */
package dev.vitrina.forecast.marketplace;
