package dev.vitrina.recs.eval;

import dev.vitrina.recs.data.ItemAttributes;

/**
 * Metrics of the lists themselves rather than their hits.
 *
 * <ul>
 *   <li>Catalogue coverage: distinct recommended items / items with training interactions.
 *   <li>Novelty (Zhou et al., PNAS 2010): mean self-information {@code -log2(users_i / users)} of
 *       recommended items, from training popularity; higher means less popular items.
 *   <li>Intra-list diversity by category (Ziegler et al., WWW 2005, with a 0/1 category distance):
 *       the share of item pairs in a list whose categories differ; items without a category are
 *       left out, lists with fewer than two categorised items do not count.
 *   <li>Interest coverage: the share of the user's held-out categories (the categories of the
 *       relevant items) that appear among the categories of the first {@code k} recommended items;
 *       undefined when no relevant item has a category.
 *   <li>Category-weighted recall: recall computed per held-out category and averaged over those
 *       categories, so that every category of the user's held-out items counts equally, however
 *       many items it has (a list that finds the one item of a minor interest scores as much for it
 *       as one that finds all items of the major interest); undefined when no relevant item has a
 *       category. Relevant items without a category are left out.
 * </ul>
 *
 * <p>Lists are {@code recs[from..from+len)}, best first; {@code truth} is sorted ascending and
 * distinct, as in {@link RankingMetrics}.
 */
public final class BeyondAccuracy {

  private BeyondAccuracy() {}

  /** Coverage of the lists {@code recs[u*k .. u*k+counts[u])} for the given users. */
  static double coverage(int[] recs, int[] counts, int k, int[] users, int[] itemUsers) {
    boolean[] seen = new boolean[itemUsers.length];
    int catalogue = 0;
    for (int c : itemUsers) {
      catalogue += c > 0 ? 1 : 0;
    }
    int distinct = 0;
    for (int u : users) {
      for (int r = 0; r < counts[u]; r++) {
        int i = recs[u * k + r];
        if (!seen[i]) {
          seen[i] = true;
          distinct++;
        }
      }
    }
    return catalogue == 0 ? 0 : distinct / (double) catalogue;
  }

  /** The novelty of one list; NaN for an empty list. */
  static double novelty(int[] recs, int from, int len, int[] itemUsers, int trainUsers) {
    if (len == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int r = 0; r < len; r++) {
      int c = Math.max(1, itemUsers[recs[from + r]]);
      s += -Math.log((double) c / trainUsers) / Math.log(2);
    }
    return s / len;
  }

  /** The category intra-list diversity of one list; NaN when fewer than two items have one. */
  public static double diversity(int[] recs, int from, int len, ItemAttributes attrs) {
    int pairs = 0;
    int differ = 0;
    for (int a = 0; a < len; a++) {
      int ca = attrs.categoryCode(recs[from + a]);
      if (ca == ItemAttributes.NO_CATEGORY) {
        continue;
      }
      for (int b = a + 1; b < len; b++) {
        int cb = attrs.categoryCode(recs[from + b]);
        if (cb == ItemAttributes.NO_CATEGORY) {
          continue;
        }
        pairs++;
        differ += ca != cb ? 1 : 0;
      }
    }
    return pairs == 0 ? Double.NaN : differ / (double) pairs;
  }

  /**
   * The interest coverage at {@code k} of one list: distinct categories of the relevant items that
   * also occur among the first {@code k} recommended items, divided by the number of distinct
   * categories of the relevant items; NaN when no relevant item has a category.
   */
  public static double interestCoverage(
      int[] recs, int from, int len, int[] truth, int k, ItemAttributes attrs) {
    java.util.BitSet held = categories(truth, 0, truth.length, attrs);
    if (held.isEmpty()) {
      return Double.NaN;
    }
    java.util.BitSet shown = categories(recs, from, Math.min(len, k), attrs);
    int n = held.cardinality();
    held.and(shown);
    return held.cardinality() / (double) n;
  }

  /**
   * The category-weighted recall at {@code k} of one list: for each distinct category c of the
   * relevant items, (relevant items of c among the first {@code k}) / (relevant items of c),
   * averaged over those categories; NaN when no relevant item has a category.
   */
  public static double categoryRecall(
      int[] recs, int from, int len, int[] truth, int k, ItemAttributes attrs) {
    java.util.Map<Integer, int[]> perCategory = new java.util.HashMap<>();
    for (int i : truth) {
      int c = attrs.categoryCode(i);
      if (c != ItemAttributes.NO_CATEGORY) {
        perCategory.computeIfAbsent(c, x -> new int[2])[1]++;
      }
    }
    if (perCategory.isEmpty()) {
      return Double.NaN;
    }
    for (int r = 0; r < Math.min(len, k); r++) {
      int i = recs[from + r];
      if (java.util.Arrays.binarySearch(truth, i) >= 0) {
        int[] h = perCategory.get(attrs.categoryCode(i));
        if (h != null) {
          h[0]++;
        }
      }
    }
    double s = 0;
    for (int[] h : perCategory.values()) {
      s += h[0] / (double) h[1];
    }
    return s / perCategory.size();
  }

  private static java.util.BitSet categories(int[] items, int from, int len, ItemAttributes a) {
    java.util.BitSet b = new java.util.BitSet();
    for (int r = 0; r < len; r++) {
      int c = a.categoryCode(items[from + r]);
      if (c != ItemAttributes.NO_CATEGORY) {
        b.set(c);
      }
    }
    return b;
  }
}
