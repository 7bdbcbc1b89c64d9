/**
 * Disaggregation of forecasts made at an aggregate level down to its children by historical shares
 * (proportion of averages, average of proportions), and of weekly forecasts to days by day-of-week
 * profiles; children always sum back to their parent.
 */
package dev.vitrina.forecast.disagg;
