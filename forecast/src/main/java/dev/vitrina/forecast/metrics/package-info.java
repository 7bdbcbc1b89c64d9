/**
 * Forecast error measures: WAPE, bias, MAE, RMSE, MASE (Hyndman &amp; Koehler 2006), RMSSE and
 * WRMSSE as defined in the M5 competitor guidelines, per series and aggregated.
 */
package dev.vitrina.forecast.metrics;
