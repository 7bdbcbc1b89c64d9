package dev.vitrina.recs.internal;

import java.util.Arrays;

/**
 * A bounded min-heap keeping the {@code k} best (item, score) pairs seen, in primitive arrays.
 * Order: higher score first, ties by lower item index, so results are deterministic. NaN scores are
 * ignored. {@link #offer} is {@code O(log k)} when the pair enters and {@code O(1)} otherwise;
 * {@link #threshold()} lets hot loops skip most candidates without a call. Not thread-safe: one per
 * thread, reused through {@link #clear()}.
 */
public final class TopK {

  private final int k;
  private final int[] items;
  private final float[] scores;
  private int size;

  /** A heap for the {@code k >= 1} best pairs. */
  public TopK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    this.k = k;
    this.items = new int[k];
    this.scores = new float[k];
  }

  /** The capacity. */
  public int k() {
    return k;
  }

  /** The number of pairs held. */
  public int size() {
    return size;
  }

  /** Empties the heap. */
  public void clear() {
    size = 0;
  }

  /**
   * The score a candidate must reach to possibly enter: {@code -Infinity} until the heap is full,
   * then the worst score held (a candidate with an equal score enters only with a lower index).
   */
  public float threshold() {
    return size < k ? Float.NEGATIVE_INFINITY : scores[0];
  }

  /** Offers a pair; returns whether it entered. */
  public boolean offer(int item, float score) {
    if (Float.isNaN(score)) {
      return false;
    }
    if (size < k) {
      int i = size++;
      items[i] = item;
      scores[i] = score;
      siftUp(i);
      return true;
    }
    if (!worse(items[0], scores[0], item, score)) {
      return false;
    }
    items[0] = item;
    scores[0] = score;
    siftDown(0);
    return true;
  }

  /** Whether (ia, sa) ranks below (ib, sb). */
  private static boolean worse(int ia, float sa, int ib, float sb) {
    return sa < sb || (sa == sb && ia > ib);
  }

  private void siftUp(int i) {
    int it = items[i];
    float sc = scores[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(it, sc, items[parent], scores[parent])) {
        break;
      }
      items[i] = items[parent];
      scores[i] = scores[parent];
      i = parent;
    }
    items[i] = it;
    scores[i] = sc;
  }

  private void siftDown(int i) {
    int it = items[i];
    float sc = scores[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && worse(items[right], scores[right], items[child], scores[child])) {
        child = right;
      }
      if (!worse(items[child], scores[child], it, sc)) {
        break;
      }
      items[i] = items[child];
      scores[i] = scores[child];
      i = child;
    }
    items[i] = it;
    scores[i] = sc;
  }

  /**
   * Writes the pairs best first into the arrays at {@code offset}, empties the heap, and returns
   * the count written.
   */
  public int drainTo(int[] outItems, float[] outScores, int offset) {
    int n = size;
    for (int pos = n - 1; pos >= 0; pos--) {
      outItems[offset + pos] = items[0];
      outScores[offset + pos] = scores[0];
      size--;
      if (size > 0) {
        items[0] = items[size];
        scores[0] = scores[size];
        siftDown(0);
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "TopK(k=" + k + ", " + Arrays.toString(Arrays.copyOf(items, size)) + ")";
  }
}
