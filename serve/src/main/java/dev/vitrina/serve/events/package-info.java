/**
 * The durable event log: impressions, clicks, purchases and exposures, acknowledged only after they
 * are committed, deduplicated by an idempotency key per event.
 */
package dev.vitrina.serve.events;
