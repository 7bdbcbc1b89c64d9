/**
 * The contract every recommender model follows: {@link dev.vitrina.recs.model.Trainer} fits an
 * immutable, thread-safe {@link dev.vitrina.recs.model.Recommender}; recommendations take an
 * explicit seen-items policy, cold-user policy and item filter; results are primitive arrays chosen
 * with a bounded heap.
 */
package dev.vitrina.recs.model;
