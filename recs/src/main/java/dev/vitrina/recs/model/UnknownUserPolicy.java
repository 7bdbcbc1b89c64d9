package dev.vitrina.recs.model;

/**
 * What to do for a user the model cannot personalise for: an id it has never seen, or a known user
 * without training interactions (cold user).
 */
public enum UnknownUserPolicy {
  /** Throw {@link UnknownIdException} naming the user. */
  RAISE,
  /** Return an empty list (marked {@link Recommendations.Source#SKIPPED}). */
  SKIP,
  /** Return the most popular items of the training data (marked as fallback). */
  FALLBACK_POPULAR
}
