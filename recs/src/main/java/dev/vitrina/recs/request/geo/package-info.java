/**
 * Location-aware request stages: where items are ({@link
 * dev.vitrina.recs.request.geo.ItemLocations}), how long they take to arrive ({@link
 * dev.vitrina.recs.request.geo.EtaModel}), a delivery-radius filter ({@link
 * dev.vitrina.recs.request.geo.RadiusFilter}), a re-ranker that multiplies relevance by a distance
 * decay fitted on validation data ({@link dev.vitrina.recs.request.geo.GeoReranker}, {@link
 * dev.vitrina.recs.request.geo.DistanceDecay}), the users' places inferred from the coordinates of
 * their history ({@link dev.vitrina.recs.request.geo.InferredPlaces}) and a pure-distance source of
 * popular items near the user ({@link dev.vitrina.recs.request.geo.NearbySource}). See {@code
 * docs/formulations.md}, "Location-aware ranking".
 */
package dev.vitrina.recs.request.geo;
