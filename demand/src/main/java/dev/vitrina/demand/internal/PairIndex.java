package dev.vitrina.demand.internal;

import java.util.Arrays;

/**
 * Dense ids for the distinct (store, item) pairs of a set of rows, numbered in (store, item) order.
 * Uses a direct table when {@code stores x items} is small enough, else sorts the pair keys.
 */
public final class PairIndex {
  private static final long DIRECT_LIMIT = 1L << 27;

  private final int[] pairOfRow;
  private final long[] keys;

  private PairIndex(int[] pairOfRow, long[] keys) {
    this.pairOfRow = pairOfRow;
    this.keys = keys;
  }

  /** Indexes the pairs of rows {@code (store[i], item[i])}; {@code items} is the item count. */
  public static PairIndex build(int[] store, int[] item, int items) {
    int n = store.length;
    int stores = 0;
    for (int s : store) {
      stores = Math.max(stores, s + 1);
    }
    long cells = (long) stores * items;
    int[] pairOfRow = new int[n];
    if (cells <= DIRECT_LIMIT) {
      int[] table = new int[(int) cells];
      for (int i = 0; i < n; i++) {
        table[store[i] * items + item[i]] = 1;
      }
      int next = 0;
      for (int k = 0; k < table.length; k++) {
        table[k] = table[k] == 0 ? -1 : next++;
      }
      long[] keys = new long[next];
      for (int k = 0, p = 0; k < table.length; k++) {
        if (table[k] >= 0) {
          keys[p++] = k;
        }
      }
      for (int i = 0; i < n; i++) {
        pairOfRow[i] = table[store[i] * items + item[i]];
      }
      return new PairIndex(pairOfRow, keys);
    }
    long[] all = new long[n];
    for (int i = 0; i < n; i++) {
      all[i] = (long) store[i] * items + item[i];
    }
    long[] sorted = all.clone();
    Arrays.parallelSort(sorted);
    int u = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[u++] = sorted[i];
      }
    }
    long[] keys = Arrays.copyOf(sorted, u);
    for (int i = 0; i < n; i++) {
      pairOfRow[i] = Arrays.binarySearch(keys, all[i]);
    }
    return new PairIndex(pairOfRow, keys);
  }

  /** The pair id of each row. */
  public int[] pairOfRow() {
    return pairOfRow;
  }

  /** The number of distinct pairs. */
  public int size() {
    return keys.length;
  }

  /** The key {@code store * items + item} of pair {@code p}. */
  public long key(int p) {
    return keys[p];
  }
}
