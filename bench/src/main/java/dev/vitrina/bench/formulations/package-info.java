/** Measurements of the recommendation formulations (see {@code docs/formulations.md}). */
package dev.vitrina.bench.formulations;
