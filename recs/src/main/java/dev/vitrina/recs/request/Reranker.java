package dev.vitrina.recs.request;

import java.util.List;

/**
 * A middle stage: reorders (and may rescore) the candidates of a request, e.g. to spread the list
 * over the user's interests, to weigh distance, or to follow a trigger. It never adds a blocked
 * item, never repeats one and returns at most {@code k} items when asked for {@code k}. Adds its
 * own reason to the candidates it moved for a reason a user would understand. Implementations are
 * immutable and thread-safe.
 */
public interface Reranker {

  /** A short name for logs and responses, e.g. {@code interests} or {@code geo}. */
  String name();

  /** Whether this stage changes anything for the request (e.g. only with a location). */
  boolean applies(RequestState state);

  /**
   * The candidates in their new order, best first.
   *
   * @param in distinct candidates, best first
   * @param k the number of items the request asks for; the stage may return more, the pipeline cuts
   *     the list at the end
   */
  List<Candidate> rerank(RequestState state, List<Candidate> in, int k);
}
