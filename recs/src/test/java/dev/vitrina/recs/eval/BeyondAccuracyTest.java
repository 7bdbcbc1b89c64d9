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

  private static Interactions fourCategories() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    // items 0..5: a(x) b(x) c(y) d(z) e(w) f(no category)
    b.itemCategory("a", "x").itemCategory("b", "x").itemCategory("c", "y");
    b.itemCategory("d", "z").itemCategory("e", "w").declareItem("f");
    b.add("u", "a", 1);
    return b.build();
  }

  @Test
  void interestCoverageIsTheShareOfHeldOutCategoriesShown() {
    Interactions data = fourCategories();
    int[] truth = {0, 1, 2, 3}; // categories x, x, y, z -> 3 held-out categories
    // top-2 of {b(x), e(w), c(y)} shows x and w: 1 of 3 (c is past k)
    assertThat(
            BeyondAccuracy.interestCoverage(
                new int[] {1, 4, 2}, 0, 3, truth, 2, data.itemAttributes()))
        .isCloseTo(1 / 3.0, within(1e-12));
    // all three shown at k=3; a hit is not needed, only the category
    assertThat(
            BeyondAccuracy.interestCoverage(
                new int[] {1, 4, 2, 3}, 0, 4, truth, 4, data.itemAttributes()))
        .isCloseTo(1.0, within(1e-12));
    // no held-out item has a category
    assertThat(
            BeyondAccuracy.interestCoverage(
                new int[] {0}, 0, 1, new int[] {5}, 1, data.itemAttributes()))
        .isNaN();
  }

  @Test
  void categoryRecallAveragesRecallOverHeldOutCategories() {
    Interactions data = fourCategories();
    int[] truth = {0, 1, 2, 5}; // x: {a, b}, y: {c}; f has no category and is left out
    // list a, c, f: x 1/2, y 1/1 -> (0.5 + 1) / 2 = 0.75
    assertThat(
            BeyondAccuracy.categoryRecall(
                new int[] {0, 2, 5}, 0, 3, truth, 3, data.itemAttributes()))
        .isCloseTo(0.75, within(1e-12));
    // list b, a: x 2/2, y 0/1 -> 0.5
    assertThat(
            BeyondAccuracy.categoryRecall(new int[] {1, 0}, 0, 2, truth, 2, data.itemAttributes()))
        .isCloseTo(0.5, within(1e-12));
    // only the one item of y found: y 1/1, x 0/2 -> 0.5, although plain recall is 1/4
    assertThat(
            BeyondAccuracy.categoryRecall(new int[] {2, 3}, 0, 2, truth, 2, data.itemAttributes()))
        .isCloseTo(0.5, within(1e-12));
    // the cut at k counts: c is third
    assertThat(
            BeyondAccuracy.categoryRecall(
                new int[] {3, 4, 2}, 0, 3, truth, 2, data.itemAttributes()))
        .isCloseTo(0.0, within(1e-12));
    assertThat(
            BeyondAccuracy.categoryRecall(
                new int[] {0}, 0, 1, new int[] {5}, 1, data.itemAttributes()))
        .isNaN();
  }
}
