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
 * </ul>
 */
final class BeyondAccuracy {

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
  static double diversity(int[] recs, int from, int len, ItemAttributes attrs) {
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
}
