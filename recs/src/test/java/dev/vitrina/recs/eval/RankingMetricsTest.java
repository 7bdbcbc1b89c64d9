package dev.vitrina.recs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed values. List: [5, 1, 9, 3, 7], relevant {1, 3, 8}, k = 5: hits at ranks 2 and 4.
 */
class RankingMetricsTest {

  private static final int[] LIST = {5, 1, 9, 3, 7};
  private static final int[] TRUTH = {1, 3, 8};
  private static final double EPS = 1e-12;

  @Test
  void precisionIsHitsOverK() {
    assertThat(RankingMetrics.precision(LIST, 0, 5, TRUTH, 5)).isCloseTo(2 / 5.0, within(EPS));
    // a shorter list is not rewarded: still divided by k
    assertThat(RankingMetrics.precision(LIST, 0, 2, TRUTH, 10)).isCloseTo(1 / 10.0, within(EPS));
  }

  @Test
  void recallIsHitsOverRelevant() {
    assertThat(RankingMetrics.recall(LIST, 0, 5, TRUTH, 5)).isCloseTo(2 / 3.0, within(EPS));
    assertThat(RankingMetrics.recall(LIST, 0, 5, TRUTH, 3)).isCloseTo(1 / 3.0, within(EPS));
  }

  @Test
  void ndcgUsesBinaryGainsAndTheIdealOverMinOfTruthAndK() {
    // DCG = 1/log2(3) + 1/log2(5); IDCG = 1 + 1/log2(3) + 1/log2(4)
    double dcg = 1 / log2(3) + 1 / log2(5);
    double idcg = 1 + 1 / log2(3) + 1 / log2(4);
    assertThat(RankingMetrics.ndcg(LIST, 0, 5, TRUTH, 5)).isCloseTo(dcg / idcg, within(EPS));
    // k = 2: only rank 2 counts, ideal has two relevant positions
    assertThat(RankingMetrics.ndcg(LIST, 0, 5, TRUTH, 2))
        .isCloseTo((1 / log2(3)) / (1 + 1 / log2(3)), within(EPS));
    assertThat(RankingMetrics.ndcg(new int[] {1, 3, 8}, 0, 3, TRUTH, 10))
        .isCloseTo(1.0, within(EPS));
  }

  @Test
  void averagePrecisionBothNormalisations() {
    // precisions at hits: 1/2 and 2/4
    double sum = 0.5 + 0.5;
    assertThat(RankingMetrics.averagePrecision(LIST, 0, 5, TRUTH, 5))
        .isCloseTo(sum / 3, within(EPS));
    assertThat(RankingMetrics.averagePrecisionAtK(LIST, 0, 5, TRUTH, 2))
        .isCloseTo(0.5 / 2, within(EPS));
    int[] many = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    // all of the first 2 relevant, 12 relevant: MAP@2 = 1, MAP (by |truth|) = 2/12
    assertThat(RankingMetrics.averagePrecisionAtK(new int[] {1, 2}, 0, 2, many, 2))
        .isCloseTo(1.0, within(EPS));
    assertThat(RankingMetrics.averagePrecision(new int[] {1, 2}, 0, 2, many, 2))
        .isCloseTo(2 / 12.0, within(EPS));
  }

  @Test
  void reciprocalRankAndHit() {
    assertThat(RankingMetrics.reciprocalRank(LIST, 0, 5, TRUTH, 5)).isCloseTo(0.5, within(EPS));
    assertThat(RankingMetrics.reciprocalRank(LIST, 0, 5, TRUTH, 1)).isZero();
    assertThat(RankingMetrics.hit(LIST, 0, 5, TRUTH, 1)).isZero();
    assertThat(RankingMetrics.hit(LIST, 0, 5, TRUTH, 2)).isEqualTo(1.0);
  }

  @Test
  void offsetsSelectTheList() {
    int[] flat = {0, 0, 5, 1, 9, 3, 7};
    assertThat(RankingMetrics.ndcg(flat, 2, 5, TRUTH, 5))
        .isEqualTo(RankingMetrics.ndcg(LIST, 0, 5, TRUTH, 5));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
