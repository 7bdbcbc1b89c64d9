/**
 * Hierarchical reconciliation (bottom-up, top-down by historical proportions) across nested levels
 * such as store -> city -> state -> total.
 */
package dev.vitrina.forecast.reconcile;
