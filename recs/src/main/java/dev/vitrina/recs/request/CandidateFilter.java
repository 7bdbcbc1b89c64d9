package dev.vitrina.recs.request;

/**
 * The last stage: drops candidates that must not be shown for the request (e.g. outside the
 * delivery radius). The pipeline applies filters before and after the re-rankers, so a re-ranker
 * never spends slots on an item a filter will drop. Implementations are immutable and thread-safe.
 */
public interface CandidateFilter {

  /** A short name for logs and responses, e.g. {@code radius}. */
  String name();

  /** Whether this filter applies to the request. */
  boolean applies(RequestState state);

  /** Whether {@code candidate} may stay in the list. */
  boolean keep(RequestState state, Candidate candidate);
}
