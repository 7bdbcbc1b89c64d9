package dev.vitrina.recs.model;

/**
 * A sequence model's attention, as an explanation (a {@link Recommender#capability}): how much the
 * prediction after each position of the user's recent items looks at each earlier item.
 */
public interface SequenceAttention {

  /** The longest window of recent items the model reads. */
  int maxLength();

  /** The dense items the model reads for {@code user}: their training items, oldest first. */
  int[] sequence(int user);

  /**
   * The attention of the window the model reads for {@code items} (oldest first; only the last
   * {@link #maxLength()} count), averaged over the heads of the last block: {@code [n][n]} with
   * {@code n = min(items.length, maxLength())}; row {@code i} is the query after item {@code i},
   * its weights over items {@code 0..i} sum to 1 and later items get 0 (the causal mask).
   */
  float[][] attention(int[] items);
}
