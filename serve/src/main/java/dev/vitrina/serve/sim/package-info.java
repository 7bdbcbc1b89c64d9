/**
 * A seeded user simulator that drives a running service over HTTP: it asks for recommendations,
 * clicks with a known rate per A/B variant and posts the clicks as events, so that an analysis of
 * the event log can be checked against the lift it was given.
 */
package dev.vitrina.serve.sim;
