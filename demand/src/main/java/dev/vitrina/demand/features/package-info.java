/**
 * The sparse-demand feature engine: lags on the calendar (never on rows), window means by column
 * arithmetic, incremental rolling statistics, calendar and price features.
 */
package dev.vitrina.demand.features;
