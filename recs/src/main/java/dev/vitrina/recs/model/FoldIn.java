package dev.vitrina.recs.model;

/**
 * A model that can place a user unseen in training into its latent space from a history alone (iALS
 * solves the user's least-squares problem against the fixed item factors).
 */
public interface FoldIn {

  /**
   * The latent vector of a user with this history.
   *
   * @param items dense item indices (repeats are summed)
   * @param values raw interaction values, one per item, or null for 1 each
   * @return a new vector of the model's dimension; all zeros for an empty history
   */
  float[] foldIn(int[] items, float[] values);
}
