package dev.vitrina.recs.request;

import java.util.List;

/**
 * The first stage: proposes scored candidates for a request (a fitted model's top items, the items
 * like the trigger, the items of one interest). Each candidate carries the reason it was proposed.
 * Implementations are immutable and thread-safe.
 */
public interface CandidateSource {

  /** A short name for logs and responses, e.g. {@code model} or {@code trigger}. */
  String name();

  /** Whether this source has anything to say for the request (e.g. only with a trigger). */
  boolean applies(RequestState state);

  /**
   * Called on every applicable source before any source proposes candidates: a source that needs
   * dot products of the items with its own vectors asks for them with {@link RequestState#askDots},
   * so that they come from the request's one scoring pass. Default: nothing.
   */
  default void prepare(RequestState state) {}

  /**
   * At most {@code n} distinct candidates, best first, none of them {@link RequestState#blocked
   * blocked}.
   */
  List<Candidate> candidates(RequestState state, int n);
}
