/**
 * A self-contained HTML report of a backtest: the metric table per model and level, and inline SVG
 * charts of actual versus forecast for chosen series.
 */
package dev.vitrina.forecast.report;
