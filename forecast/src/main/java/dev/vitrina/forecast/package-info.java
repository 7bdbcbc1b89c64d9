/**
 * Demand forecasting over flat series arrays: intermittent-demand baselines, a global LightGBM
 * model, disaggregation by historical shares, hierarchical reconciliation, rolling-origin backtests
 * and the M5 error measures.
 */
package dev.vitrina.forecast;
