/**
 * Benchmark commands for the recommendation formulations of docs/formulations.md (multi-interest,
 * location-aware, trigger-induced feeds), each measured on the reference data in {@code
 * ../shared/data}.
 */
package dev.vitrina.bench.formulations;
