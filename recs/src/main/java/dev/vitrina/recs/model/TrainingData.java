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

  /**
   * Each item's popularity with recent use weighted up: the sum over the item's users of {@code
   * 0.5^(age / halfLife)}, where the age of a user-item pair is the number of training interactions
   * that came after its last use. Plain popularity (user counts) when the order is unknown.
   *
   * @param halfLife in interactions (> 0)
   */
  double[] recentPopularity(double halfLife);

  /**
   * The position in time of each item's first training use (0 = the oldest interaction), or {@code
   * -1} for an item without training interactions; by item index when the order is unknown.
   * Positions lie in {@code [0, interactionCount())}.
   */
  int[] firstUse();

  /** The number of positions in time (training rows): the range of {@link #firstUse()}. */
  int interactionCount();
}
