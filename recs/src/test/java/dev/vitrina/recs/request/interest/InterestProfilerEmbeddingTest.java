package dev.vitrina.recs.request.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.model.ItemEmbeddings;
import dev.vitrina.recs.request.interest.InterestConfig.Basis;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Embedding clusters on hand-made 2-d vectors: items 0-3 point near (1, 0), items 4-7 near (0, 1),
 * item 8 is the zero vector.
 */
class InterestProfilerEmbeddingTest {

  static final float[][] V = {
    {1, 0.05f}, {1, -0.05f}, {1, 0.1f}, {1, -0.1f},
    {0.05f, 1}, {-0.05f, 1}, {0.1f, 1}, {-0.1f, 1},
    {0, 0}
  };

  static final ItemEmbeddings EMB =
      new ItemEmbeddings() {
        @Override
        public int dimension() {
          return 2;
        }

        @Override
        public void itemVector(int item, float[] out) {
          System.arraycopy(V[item], 0, out, 0, 2);
        }
      };

  static ItemAttributes catalog(boolean categories) {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    for (int i = 0; i < V.length; i++) {
      if (categories) {
        b.itemCategory("i" + i, i < 4 ? "toothpaste" : i < 8 ? "pet food" : "other");
      } else {
        b.declareItem("i" + i);
      }
    }
    b.add("u", "i0", 1);
    return b.build().itemAttributes();
  }

  static InterestProfiler profiler() {
    return new InterestProfiler(
        InterestConfig.defaults()
            .withBasis(Basis.EMBEDDINGS)
            .withHalfLife(Double.POSITIVE_INFINITY));
  }

  @Test
  void aBroadHistorySplitsIntoTwoLabelledClusters() {
    List<Interest> in =
        profiler().interests(new int[] {0, 4, 1, 5, 2, 6, 3, 8}, catalog(true), EMB);
    assertThat(in).hasSize(2);
    // 4 items near (1, 0) and 3 near (0, 1); the zero vector is left out
    assertThat(in.get(0).weight()).isCloseTo(4 / 7.0, within(1e-12));
    assertThat(in.get(1).weight()).isCloseTo(3 / 7.0, within(1e-12));
    assertThat(in).extracting(Interest::label).containsExactly("toothpaste", "pet food");
    assertThat(in.get(0).items()).containsExactly(0, 1, 2, 3);
    assertThat(in.get(1).items()).containsExactly(4, 5, 6);
    assertThat(in.get(0).isCategory()).isFalse();
    var member = InterestProfiler.membership(in, catalog(true), EMB);
    assertThat(member.applyAsInt(7)).isEqualTo(member.applyAsInt(4));
    assertThat(member.applyAsInt(0)).isNotEqualTo(member.applyAsInt(4));
    assertThat(member.applyAsInt(8)).isEqualTo(-1);
    int[] all = InterestProfiler.memberships(in, catalog(true), EMB, V.length);
    for (int i = 0; i < V.length; i++) {
      assertThat(all[i]).as("item %d", i).isEqualTo(member.applyAsInt(i));
    }
  }

  @Test
  void aNarrowHistoryIsOneInterestAndUnlabelledClustersAreNumbered() {
    List<Interest> narrow = profiler().interests(new int[] {0, 1, 2, 3}, catalog(false), EMB);
    assertThat(narrow).hasSize(1);
    assertThat(narrow.get(0).label()).isEqualTo("interest 1");
    assertThat(narrow.get(0).weight()).isCloseTo(1.0, within(1e-12));
    List<Interest> broad =
        profiler().interests(new int[] {0, 4, 1, 5, 2, 6, 3, 7}, catalog(false), EMB);
    assertThat(broad).extracting(Interest::label).containsExactly("interest 1", "interest 2");
  }

  @Test
  void aLightClusterDissolvesIntoTheOthers() {
    // 7 items near (1, 0), one near (0, 1): that cluster weighs 1/8 < minShare 0.2
    List<Interest> in =
        new InterestProfiler(
                InterestConfig.defaults()
                    .withBasis(Basis.EMBEDDINGS)
                    .withHalfLife(Double.POSITIVE_INFINITY)
                    .withMinShare(0.2)
                    .withNarrowResultant(1))
            .interests(new int[] {0, 1, 2, 3, 0, 1, 4}, catalog(true), EMB);
    assertThat(in).hasSize(1);
    assertThat(in.get(0).weight()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void theSameHistoryGivesTheSameInterests() {
    int[] h = {0, 4, 1, 5, 2, 6, 3, 7};
    List<Interest> a = profiler().interests(h, catalog(true), EMB);
    List<Interest> b = profiler().interests(h, catalog(true), EMB);
    assertThat(a).extracting(Interest::label).isEqualTo(b.stream().map(Interest::label).toList());
  }

  @Test
  void categoriesAreRequiredForTheCategoryBasis() {
    InterestProfiler p =
        new InterestProfiler(InterestConfig.defaults().withBasis(Basis.CATEGORIES));
    assertThatThrownBy(() -> p.interests(new int[] {0}, catalog(false), EMB))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("basis CATEGORIES needs item categories");
    assertThatThrownBy(
            () -> InterestProfiler.defaults().interests(new int[] {0}, catalog(false), null))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("basis AUTO found neither");
  }
}
