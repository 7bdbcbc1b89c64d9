package dev.vitrina.recs.eval;

import java.util.Arrays;

/**
 * Per-user ranking metrics at cut-off {@code k} with binary relevance. A list is {@code
 * recs[from..from+len)}, best first; only its first {@code k} entries count. {@code truth} is the
 * user's relevant items, sorted ascending and distinct, never empty. Definitions follow the
 * Microsoft Recommenders {@code python_evaluation} module:
 *
 * <ul>
 *   <li>precision = hits / k (a list shorter than k is not rewarded);
 *   <li>recall = hits / |truth|;
 *   <li>nDCG = sum over hits at rank r of 1/log2(1+r), divided by the ideal sum over ranks 1..
 *       min(|truth|, k);
 *   <li>average precision ({@code map} there, and {@code map_at_k} before 2023): sum over the h-th
 *       hit at rank r of h/r, divided by |truth|;
 *   <li>average precision at k (their current {@code map_at_k}, Spark's {@code
 *       meanAveragePrecisionAt}): the same sum divided by min(|truth|, k);
 *   <li>reciprocal rank = 1 / rank of the first hit (0 without a hit);
 *   <li>hit = 1 when any of the first k is relevant.
 * </ul>
 */
public final class RankingMetrics {

  private RankingMetrics() {}

  private static boolean relevant(int[] truth, int item) {
    return Arrays.binarySearch(truth, item) >= 0;
  }

  /** The number of relevant items among the first {@code k}. */
  public static int hits(int[] recs, int from, int len, int[] truth, int k) {
    int h = 0;
    for (int r = 0; r < Math.min(len, k); r++) {
      if (relevant(truth, recs[from + r])) {
        h++;
      }
    }
    return h;
  }

  /** Precision at k. */
  public static double precision(int[] recs, int from, int len, int[] truth, int k) {
    return hits(recs, from, len, truth, k) / (double) k;
  }

  /** Recall at k. */
  public static double recall(int[] recs, int from, int len, int[] truth, int k) {
    return hits(recs, from, len, truth, k) / (double) truth.length;
  }

  /** Binary nDCG at k. */
  public static double ndcg(int[] recs, int from, int len, int[] truth, int k) {
    double dcg = 0;
    for (int r = 0; r < Math.min(len, k); r++) {
      if (relevant(truth, recs[from + r])) {
        dcg += 1.0 / log2(r + 2);
      }
    }
    double idcg = 0;
    for (int r = 0; r < Math.min(truth.length, k); r++) {
      idcg += 1.0 / log2(r + 2);
    }
    return dcg / idcg;
  }

  /** Average precision normalised by |truth| (MS Recommenders {@code map}). */
  public static double averagePrecision(int[] recs, int from, int len, int[] truth, int k) {
    return precisionSum(recs, from, len, truth, k) / truth.length;
  }

  /** Average precision normalised by min(|truth|, k) (MS Recommenders {@code map_at_k}). */
  public static double averagePrecisionAtK(int[] recs, int from, int len, int[] truth, int k) {
    return precisionSum(recs, from, len, truth, k) / Math.min(truth.length, k);
  }

  private static double precisionSum(int[] recs, int from, int len, int[] truth, int k) {
    double s = 0;
    int h = 0;
    for (int r = 0; r < Math.min(len, k); r++) {
      if (relevant(truth, recs[from + r])) {
        h++;
        s += h / (double) (r + 1);
      }
    }
    return s;
  }

  /** Reciprocal rank of the first hit within k. */
  public static double reciprocalRank(int[] recs, int from, int len, int[] truth, int k) {
    for (int r = 0; r < Math.min(len, k); r++) {
      if (relevant(truth, recs[from + r])) {
        return 1.0 / (r + 1);
      }
    }
    return 0;
  }

  /** 1 when any of the first k is relevant, else 0. */
  public static double hit(int[] recs, int from, int len, int[] truth, int k) {
    return hits(recs, from, len, truth, k) > 0 ? 1 : 0;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
