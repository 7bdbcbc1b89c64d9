/**
 * Rolling-origin backtests and the series containers they run on ({@link
 * dev.vitrina.forecast.backtest.FlatSeries}, {@link dev.vitrina.forecast.backtest.WideCsv}).
 */
package dev.vitrina.forecast.backtest;
