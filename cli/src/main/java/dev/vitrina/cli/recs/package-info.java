/**
 * {@code vitrina recs}: evaluate, tune, train and query recommenders. Each command is a thin layer
 * over {@code dev.vitrina.recs}.
 */
package dev.vitrina.cli.recs;
