package dev.vitrina.recs.request.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalisationTest {

  private static final float N = Float.NaN;

  @Test
  void rankSpacesScoresEvenlyFromOneToZeroAndPutsMissingLast() {
    assertThat(Normalisation.RANK.apply(new float[] {3, 1, N, 2}))
        .containsExactly(1f, 0f, 0f, 0.5f);
  }

  @Test
  void rankTiesShareTheBetterPosition() {
    assertThat(Normalisation.RANK.apply(new float[] {2, 5, 2, 1}))
        .containsExactly(new float[] {2f / 3, 1f, 2f / 3, 0f}, within(1e-6f));
  }

  @Test
  void rankOfOneScoreIsOne() {
    assertThat(Normalisation.RANK.apply(new float[] {N, 7})).containsExactly(0f, 1f);
  }

  @Test
  void zscoreCentresAndScalesAndGivesMissingTheLowestValue() {
    // mean 2, population sd sqrt(2/3)
    float z = (float) (1 / Math.sqrt(2.0 / 3));
    assertThat(Normalisation.ZSCORE.apply(new float[] {1, N, 3, 2}))
        .containsExactly(new float[] {-z, -z, z, 0f}, within(1e-5f));
  }

  @Test
  void equalOrMissingScoresNormaliseToZero() {
    assertThat(Normalisation.ZSCORE.apply(new float[] {4, 4})).containsExactly(0f, 0f);
    assertThat(Normalisation.ZSCORE.apply(new float[] {N, N})).containsExactly(0f, 0f);
    assertThat(Normalisation.RANK.apply(new float[] {N, N})).containsExactly(0f, 0f);
  }
}
