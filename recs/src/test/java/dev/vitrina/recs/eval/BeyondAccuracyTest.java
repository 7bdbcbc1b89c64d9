package dev.vitrina.recs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import org.junit.jupiter.api.Test;

class BeyondAccuracyTest {

  @Test
  void coverageCountsDistinctItemsOverTheTrainingCatalogue() {
    int[] recs = {0, 1, 1, 2, 9, 9};
    int[] counts = {2, 2, 1};
    int[] itemUsers = {3, 1, 1, 1, 0};
    // users 0 and 1: items {0,1,2} of 4 items with training users
    assertThat(BeyondAccuracy.coverage(recs, counts, 2, new int[] {0, 1}, itemUsers))
        .isCloseTo(3 / 4.0, within(1e-12));
  }

  @Test
  void noveltyIsMeanSelfInformation() {
    int[] itemUsers = {8, 2, 1};
    // -log2(8/16) = 1, -log2(2/16) = 3
    assertThat(BeyondAccuracy.novelty(new int[] {0, 1}, 0, 2, itemUsers, 16))
        .isCloseTo(2.0, within(1e-12));
    assertThat(BeyondAccuracy.novelty(new int[0], 0, 0, itemUsers, 16)).isNaN();
  }

  @Test
  void diversityIsTheShareOfPairsWithDifferentCategories() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    b.itemCategory("a", "x").itemCategory("b", "x").itemCategory("c", "y").declareItem("d");
    b.add("u", "a", 1);
    Interactions data = b.build();
    // items a(x) b(x) c(y), d has no category: pairs ab same, ac, bc differ -> 2/3
    assertThat(BeyondAccuracy.diversity(new int[] {0, 1, 2, 3}, 0, 4, data.itemAttributes()))
        .isCloseTo(2 / 3.0, within(1e-12));
    assertThat(BeyondAccuracy.diversity(new int[] {0, 3}, 0, 2, data.itemAttributes())).isNaN();
  }
}
