/**
 * Calendar-completed panels: every series gets every period from its first sale to the end,
 * zero-filled, at a chosen aggregation level and frequency, in flat arrays with offsets.
 */
package dev.vitrina.demand.panel;
