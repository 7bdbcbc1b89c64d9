/**
 * Rolling-origin backtests: of a marketplace model ({@link
 * dev.vitrina.forecast.backtest.MarketplaceBacktest}, with the trainer and model of {@code
 * dev.vitrina.forecast.marketplace}) and of models over many short series ({@link
 * dev.vitrina.forecast.backtest.SeriesBacktest} on {@link
 * dev.vitrina.forecast.backtest.FlatSeries}, read from a {@link
 * dev.vitrina.forecast.backtest.WideCsv}).
 */
package dev.vitrina.forecast.backtest;
