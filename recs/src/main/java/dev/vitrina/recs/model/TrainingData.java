package dev.vitrina.recs.model;

import dev.vitrina.recs.data.ItemAttributes;

/**
 * What a model remembers of its training data for the request-time stages: the catalogue and each
 * user's items in the order they were last used. Every model built on {@link BaseRecommender} has
 * it; reach it through {@code model.capability(TrainingData.class)}.
 */
public interface TrainingData {

  /**
   * The items' attributes (titles, categories, genres, coordinates...) as given in training; none
   * for a model saved without them.
   */
  ItemAttributes itemAttributes();

  /**
   * The distinct training items of dense user {@code user}, oldest first by each item's last
   * interaction (timestamps when the data had them, file order otherwise); by item index for a
   * model saved without an order.
   *
   * @throws IllegalArgumentException when the index is out of range
   */
  int[] history(int user);
}
