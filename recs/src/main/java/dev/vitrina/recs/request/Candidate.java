package dev.vitrina.recs.request;

import java.util.ArrayList;
import java.util.List;

/**
 * An item on its way through the pipeline: dense item index, the current score (larger is better,
 * comparable within one request) and the reasons collected so far.
 */
public record Candidate(int item, float score, List<Reason> reasons) {

  public Candidate {
    reasons = List.copyOf(reasons);
  }

  /** A candidate with one reason. */
  public static Candidate of(int item, float score, Reason reason) {
    return new Candidate(item, score, List.of(reason));
  }

  /** This candidate with a new score. */
  public Candidate withScore(float s) {
    return new Candidate(item, s, reasons);
  }

  /** This candidate with {@code r} added to its reasons. */
  public Candidate withReason(Reason r) {
    List<Reason> next = new ArrayList<>(reasons.size() + 1);
    next.addAll(reasons);
    next.add(r);
    return new Candidate(item, score, next);
  }

  /** This candidate with {@code r} as its first reason. */
  public Candidate withLeadingReason(Reason r) {
    List<Reason> next = new ArrayList<>(reasons.size() + 1);
    next.add(r);
    next.addAll(reasons);
    return new Candidate(item, score, next);
  }
}
