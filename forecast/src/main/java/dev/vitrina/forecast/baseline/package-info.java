/**
 * Baseline forecasters as pure functions of one series' history (naive, seasonal naive, moving
 * average, Croston, SBA, TSB, ADIDA); {@link
 * dev.vitrina.forecast.baseline.SeriesForecaster#forecastAll} runs one over many series stored as
 * flat arrays plus offsets.
 */
package dev.vitrina.forecast.baseline;
