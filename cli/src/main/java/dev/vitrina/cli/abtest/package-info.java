/**
 * {@code vitrina abtest}: plan, assign, analyze and simulate online experiments, thin commands over
 * {@code dev.vitrina.experiments}.
 */
package dev.vitrina.cli.abtest;
