package dev.vitrina.recs.model;

/** A model that can compare two items by its own notion of similarity (larger is closer). */
public interface ItemSimilarity {

  /**
   * Writes the similarity of every item to {@code item} into {@code out} (length: the model's item
   * count); NaN or negative infinity where the model has no similarity for a pair.
   */
  void similarities(int item, float[] out);
}
