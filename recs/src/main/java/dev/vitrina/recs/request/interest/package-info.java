/**
 * Multi-interest feeds: a user's interests derived from their history ({@link
 * dev.vitrina.recs.request.interest.InterestProfiler}), candidates retrieved per interest ({@link
 * dev.vitrina.recs.request.interest.InterestSource}) and the k slots of a list shared among the
 * interests in proportion to their weights ({@link
 * dev.vitrina.recs.request.interest.InterestAllocator}).
 */
package dev.vitrina.recs.request.interest;
