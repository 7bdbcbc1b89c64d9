package dev.vitrina.recs.data;

/** What an interaction's value means. */
public enum Feedback {
  /** Counts or weights: larger means more evidence of interest; a missing value counts 1. */
  IMPLICIT,
  /** Ratings on a scale (e.g. 1-5 stars); every row is also evidence that the user saw the item. */
  EXPLICIT
}
