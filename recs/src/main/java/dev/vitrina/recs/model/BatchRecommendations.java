package dev.vitrina.recs.model;

import java.util.Arrays;

/**
 * Top-k lists for every user in flat arrays: user {@code u}'s list is {@code items[u*k ..
 * u*k+count(u))}. Memory {@code 8 * users * k} bytes.
 */
public final class BatchRecommendations {

  private final int k;
  private final int[] counts;
  private final int[] items;
  private final float[] scores;
  private final Recommendations.Source[] sources;

  /** Wraps flat arrays (not copied: the producer hands them over). */
  public BatchRecommendations(
      int k, int[] counts, int[] items, float[] scores, Recommendations.Source[] sources) {
    if (items.length != (long) counts.length * k || scores.length != items.length) {
      throw new IllegalArgumentException("batch arrays must hold users * k entries");
    }
    this.k = k;
    this.counts = counts;
    this.items = items;
    this.scores = scores;
    this.sources = sources;
  }

  /** The list length asked for. */
  public int k() {
    return k;
  }

  /** The number of users. */
  public int numUsers() {
    return counts.length;
  }

  /** The length of user {@code u}'s list. */
  public int count(int u) {
    return counts[u];
  }

  /** User {@code u}'s list. */
  public Recommendations forUser(int u) {
    int from = u * k;
    return new Recommendations(
        Arrays.copyOfRange(items, from, from + counts[u]),
        Arrays.copyOfRange(scores, from, from + counts[u]),
        sources[u]);
  }

  /** The item at rank {@code rank} (0-based) of user {@code u}'s list. */
  public int item(int u, int rank) {
    if (rank >= counts[u]) {
      throw new IndexOutOfBoundsException(
          "rank " + rank + " but user " + u + " has " + counts[u] + " items");
    }
    return items[u * k + rank];
  }
}
