package dev.vitrina.recs.knn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrina.recs.Fixtures;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.data.ValueTransform;
import dev.vitrina.recs.model.Recommendations;
import org.junit.jupiter.api.Test;

class ItemKnnTrainerTest {

  @Test
  void neighboursAreTheBruteForceCosineWithShrinkage() {
    Interactions data = Fixtures.planted(60, 30, 2);
    double shrink = 3;
    ItemKnnModel model =
        new ItemKnnTrainer(
                ItemKnnConfig.defaults()
                    .withNeighbors(5)
                    .withShrink(shrink)
                    .withWeighting(ItemKnnConfig.Weighting.NONE))
            .fit(data);
    UserItemMatrix t = data.toMatrix(ValueTransform.BINARY).transpose();
    for (int i = 0; i < data.numItems(); i++) {
      Recommendations r = model.similarItems(i, 5);
      // brute force: cosine over user sets
      double[] sims = new double[data.numItems()];
      for (int j = 0; j < data.numItems(); j++) {
        int common = 0;
        for (int u : t.row(i)) {
          if (t.contains(j, u)) {
            common++;
          }
        }
        sims[j] =
            j == i || common == 0
                ? Double.NaN
                : common / (Math.sqrt(t.rowNnz(i)) * Math.sqrt(t.rowNnz(j)) + shrink);
      }
      for (int q = 0; q < r.size(); q++) {
        assertThat((double) r.scores()[q])
            .isCloseTo(sims[r.items()[q]], org.assertj.core.data.Offset.offset(1e-6));
      }
      double best =
          java.util.Arrays.stream(sims).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
      assertThat((double) r.scores()[0]).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void bm25AndTfidfWeightRareItemsUp() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    b.add("u1", "common", 1)
        .add("u1", "rare", 1)
        .add("u2", "common", 1)
        .add("u3", "common", 1)
        .add("u3", "x", 1);
    UserItemMatrix m = b.build().toMatrix(ValueTransform.BINARY);
    UserItemMatrix tfidf =
        ItemKnnTrainer.weight(
            m, ItemKnnConfig.defaults().withWeighting(ItemKnnConfig.Weighting.TFIDF));
    // idf(common) = log(3/3) = 0, idf(rare) = log(3/1)
    assertThat(tfidf.data()[0]).isEqualTo(0f);
    assertThat((double) tfidf.data()[1])
        .isCloseTo(Math.log(3), org.assertj.core.data.Offset.offset(1e-6));
    UserItemMatrix bm25 =
        ItemKnnTrainer.weight(
            m, ItemKnnConfig.defaults().withWeighting(ItemKnnConfig.Weighting.BM25));
    // u1 has 2 items, average 5/3: idf * 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / (5/3)))
    double expected = Math.log(3) * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / (5 / 3.0)));
    assertThat((double) bm25.data()[1])
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
  }
}
