/**
 * {@code vitrina forecast backtest|train|predict}: thin commands over {@code dev.vitrina.forecast}.
 */
package dev.vitrina.cli.forecast;
