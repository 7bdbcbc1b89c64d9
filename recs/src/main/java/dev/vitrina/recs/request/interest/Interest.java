package dev.vitrina.recs.request.interest;

import dev.vitrina.recs.data.ItemAttributes;
import java.util.Objects;

/**
 * One interest of a user, derived from their history.
 *
 * @param label what a user would call it: the category's name for a category interest; for an
 *     embedding cluster, the dominant category of its items when the catalogue has categories, else
 *     {@code interest N} (N from 1 in order of weight)
 * @param weight the recency-weighted share of the user's history that falls in this interest, in
 *     (0, 1]; the weights of a user's interests sum to at most 1 (history outside every interest
 *     makes up the rest)
 * @param category the category code for a category interest, else {@link
 *     ItemAttributes#NO_CATEGORY}
 * @param centroid the unit-length mean direction of the interest's item vectors for an embedding
 *     cluster, else null
 * @param items the user's history items in this interest, oldest first
 */
public record Interest(String label, double weight, int category, float[] centroid, int[] items) {

  public Interest {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(items, "items");
    if (!(weight > 0 && weight <= 1 + 1e-9)) {
      throw new IllegalArgumentException("interest weight must be in (0, 1], got " + weight);
    }
  }

  /** Whether this interest is a catalogue category (else an embedding cluster). */
  public boolean isCategory() {
    return centroid == null;
  }
}
