package dev.vitrina.forecast.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.forecast.disagg.ShareMethod;
import dev.vitrina.forecast.gbm.GbmConfig;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The spec's defaults, and its rules: each bad value names the library's parameter. */
class MarketplaceSpecTest {

  static final Level ITEM = Level.parse("item");

  static MarketplaceSpec lgbm(int horizonDays) {
    return MarketplaceSpec.of(ITEM, Freq.DAY, horizonDays, "lgbm");
  }

  /** Asserts a {@link ParameterException} for {@code parameter} that names no command-line flag. */
  static AbstractThrowableAssert<?, ?> rejects(ThrowingCallable call, String parameter) {
    return assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo(parameter))
        .hasMessageStartingWith(parameter + " ")
        .hasMessageNotContaining("--");
  }

  @Test
  void defaults() {
    MarketplaceSpec s = MarketplaceSpec.of(ITEM, Freq.WEEK, 28, "LGBM");
    assertThat(s.model()).isEqualTo("lgbm");
    assertThat(s.horizonPeriods()).isEqualTo(4);
    assertThat(s.directGroups()).containsExactly(4);
    assertThat(s.gbm()).isEqualTo(GbmConfig.defaults());
    assertThat(s.trainDays()).isEqualTo(364);
    assertThat(s.validDays()).isEqualTo(28);
    assertThat(s.shares()).isEqualTo(ShareMethod.PROPORTION_OF_AVERAGES);
    assertThat(s.shareWindowDays()).isEqualTo(28);
    assertThat(s.profileWindowDays()).isEqualTo(56);
    assertThat(s.recursive()).isFalse();
  }

  @Test
  void directGroupsAreCopied() {
    List<Integer> groups = new ArrayList<>(List.of(7, 14));
    MarketplaceSpec s = lgbm(14).withDirectGroups(groups);
    groups.set(0, 3);
    assertThat(s.directGroups()).containsExactly(7, 14);
  }

  @Test
  void badValuesNameTheParameter() {
    rejects(() -> MarketplaceSpec.of(ITEM, Freq.DAY, 28, "prophet"), "model")
        .hasMessageContaining("'prophet'")
        .hasMessageContaining("lgbm");
    rejects(() -> MarketplaceSpec.of(ITEM, Freq.DAY, 0, "lgbm"), "horizon_days")
        .hasMessageContaining("got 0");
    rejects(() -> MarketplaceSpec.of(ITEM, Freq.WEEK, 10, "lgbm"), "horizon_days")
        .hasMessageContaining("multiple of 7")
        .hasMessageContaining("got 10");
    rejects(() -> lgbm(28).withDirectGroups(List.of(14, 7)), "direct_groups")
        .hasMessageContaining("increasing");
    rejects(() -> lgbm(28).withDirectGroups(List.of(7, 14)), "direct_groups")
        .hasMessageContaining("must end at the horizon in periods (28)");
    rejects(() -> lgbm(28).withDirectGroups(List.of(14, 28)).withRecursive(true), "recursive")
        .hasMessageContaining("[14, 28]");
    rejects(() -> MarketplaceSpec.of(ITEM, Freq.DAY, 28, "tsb").withRecursive(true), "recursive")
        .hasMessageContaining("lgbm");
    rejects(() -> lgbm(28).withWindows(3, 28), "train_days").hasMessageContaining("got 3");
    rejects(() -> lgbm(28).withWindows(364, -1), "valid_days").hasMessageContaining("got -1");
    rejects(() -> lgbm(28).withShares(ShareMethod.PROPORTION_OF_AVERAGES, 0), "share_window_days")
        .hasMessageContaining("got 0");
    rejects(() -> lgbm(28).withGbm(null), "gbm");
  }
}
