package dev.vitrina.recs.request.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.recs.request.trigger.IntentScore.Aggregate;
import org.junit.jupiter.api.Test;

class IntentScoreTest {

  private static final float N = Float.NaN;
  // similarity of items 0..5 to the trigger (item 5)
  private static final float[] SIM = {0.2f, 0.6f, N, -0.4f, 1.5f, 1f};

  @Test
  void maxTakesTheClosestRecentItemLeavingTheTriggerOut() {
    // history oldest first; the trigger (5) is the latest and does not count
    int[] history = {0, 1, 2, 5};
    assertThat(new IntentScore(20, Aggregate.MAX).of(SIM, history, 5)).isCloseTo(0.4, within(1e-6));
  }

  @Test
  void meanAveragesClampedSimilaritiesAndCountsMissingOnesAsZero() {
    int[] history = {0, 1, 2, 3};
    // (0.2 + 0.6 + 0 + 0) / 4 = 0.2
    assertThat(new IntentScore(20, Aggregate.MEAN).of(SIM, history, 5))
        .isCloseTo(0.8, within(1e-6));
  }

  @Test
  void onlyTheMostRecentItemsCount() {
    int[] history = {1, 0, 3};
    // the two latest: 0 (0.2) and 3 (clamped to 0)
    assertThat(new IntentScore(2, Aggregate.MAX).of(SIM, history, 5)).isCloseTo(0.8, within(1e-6));
    assertThat(new IntentScore(2, Aggregate.MEAN).of(SIM, history, 5)).isCloseTo(0.9, within(1e-6));
  }

  @Test
  void similaritiesAboveOneAreClamped() {
    assertThat(new IntentScore(5, Aggregate.MAX).of(SIM, new int[] {4}, 5)).isEqualTo(0.0);
  }

  @Test
  void aHistoryOfOnlyTheTriggerIsANewIntent() {
    assertThat(new IntentScore(5, Aggregate.MEAN).of(SIM, new int[] {5}, 5)).isEqualTo(1.0);
    assertThat(new IntentScore(5, Aggregate.MEAN).of(SIM, new int[0], 5)).isEqualTo(1.0);
  }

  @Test
  void recentMustBePositive() {
    assertThatThrownBy(() -> new IntentScore(0, Aggregate.MAX))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("recent must be >= 1, got 0");
  }
}
