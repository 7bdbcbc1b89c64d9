/**
 * The service at the edge of vitrina: the HTTP API and web page ({@code http}), the model registry
 * with hot swap ({@code registry}), the durable event log ({@code events}) and A/B assignment on
 * the request path. Nothing in {@code core}, {@code recs}, {@code forecast} or {@code experiments}
 * depends on this module.
 */
package dev.vitrina.serve;
