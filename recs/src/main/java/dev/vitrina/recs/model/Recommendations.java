package dev.vitrina.recs.model;

import dev.vitrina.core.ids.IdIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A ranked list: dense item indices with their scores, best first (ties broken by the lower item
 * index), at most {@code k} long. Scores are comparable within one list and one model only.
 *
 * @param items dense item indices, best first
 * @param scores the score of each item
 * @param source where the list came from
 */
public record Recommendations(int[] items, float[] scores, Source source) {

  /** Where a list came from. */
  public enum Source {
    /** The model's own scores. */
    MODEL,
    /** The popular-items fallback for an unknown or cold user. */
    POPULAR_FALLBACK,
    /** Nothing: the user was skipped under {@link UnknownUserPolicy#SKIP}. */
    SKIPPED
  }

  public Recommendations {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(source, "source");
    if (items.length != scores.length) {
      throw new IllegalArgumentException(
          items.length + " items but " + scores.length + " scores; they must match");
    }
  }

  /** An empty list from a skipped user. */
  public static Recommendations skipped() {
    return new Recommendations(new int[0], new float[0], Source.SKIPPED);
  }

  /** The length of the list. */
  public int size() {
    return items.length;
  }

  /** The external ids of the items, in order. */
  public List<String> ids(IdIndex index) {
    List<String> out = new ArrayList<>(items.length);
    for (int i : items) {
      out.add(index.id(i));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Recommendations r
        && java.util.Arrays.equals(items, r.items)
        && java.util.Arrays.equals(scores, r.scores)
        && source == r.source;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(items) * 31 + java.util.Arrays.hashCode(scores);
  }

  @Override
  public String toString() {
    return "Recommendations" + java.util.Arrays.toString(items) + " " + source;
  }
}
