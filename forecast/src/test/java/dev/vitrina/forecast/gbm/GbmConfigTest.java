package dev.vitrina.forecast.gbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** LightGBM parameters: defaults, copies, the manifest map, and rules naming the parameter. */
class GbmConfigTest {

  static AbstractThrowableAssert<?, ?> rejects(ThrowingCallable call, String parameter) {
    return assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ParameterException.class, e -> assertThat(e.parameter()).isEqualTo(parameter))
        .hasMessageStartingWith(parameter + " ")
        .hasMessageNotContaining("--");
  }

  @Test
  void defaultsAndCopies() {
    GbmConfig d = GbmConfig.defaults();
    assertThat(d.objective()).isEqualTo(Objective.TWEEDIE);
    assertThat(d.maxRounds()).isEqualTo(400);
    assertThat(d.numLeaves()).isEqualTo(63);
    assertThat(d.categorical()).isEmpty();
    GbmConfig c = d.withTrees(15, 20).withSampling(0.5, 1.0).withSeed(7);
    assertThat(c.numLeaves()).isEqualTo(15);
    assertThat(c.minDataInLeaf()).isEqualTo(20);
    assertThat(c.featureFraction()).isEqualTo(0.5);
    assertThat(c.baggingFraction()).isEqualTo(1.0);
    assertThat(c.seed()).isEqualTo(7);
    assertThat(d.numLeaves()).isEqualTo(63);
    assertThat(c.lightgbmParams()).contains("num_leaves=15").doesNotContain("bagging_freq");
  }

  @Test
  void theManifestMapReadsBack() {
    GbmConfig c =
        GbmConfig.defaults()
            .withObjective(Objective.L2)
            .withCategorical(List.of("key_store"))
            .withThreads(1);
    assertThat(GbmConfig.fromMap(c.toMap())).isEqualTo(c);
    Map<String, Object> m = new LinkedHashMap<>(c.toMap());
    m.remove("num_leaves");
    rejects(() -> GbmConfig.fromMap(m), "num_leaves").hasMessageContaining("missing");
    m.put("num_leaves", "many");
    rejects(() -> GbmConfig.fromMap(m), "num_leaves").hasMessageContaining("'many'");
  }

  @Test
  void badValuesNameTheParameter() {
    GbmConfig d = GbmConfig.defaults();
    rejects(() -> d.withObjective(null), "objective").hasMessageContaining("tweedie");
    rejects(() -> d.withTweedieVariancePower(2.5), "tweedie_variance_power")
        .hasMessageContaining("got 2.5");
    rejects(() -> d.withRounds(0, 0.1), "max_rounds").hasMessageContaining("got 0");
    rejects(() -> d.withRounds(10, 0), "learning_rate").hasMessageContaining("got 0.0");
    rejects(() -> d.withTrees(1, 20), "num_leaves").hasMessageContaining("got 1");
    rejects(() -> d.withTrees(15, 0), "min_data_in_leaf").hasMessageContaining("got 0");
    rejects(() -> d.withSampling(0, 1), "feature_fraction").hasMessageContaining("got 0.0");
    rejects(() -> d.withSampling(1, 1.5), "bagging_fraction").hasMessageContaining("got 1.5");
    rejects(() -> d.withEarlyStopping(-1), "early_stopping_rounds").hasMessageContaining("got -1");
    rejects(() -> d.withThreads(0), "threads").hasMessageContaining("got 0");
    rejects(() -> Objective.parse("gamma", "objective"), "objective")
        .hasMessageContaining("'gamma'");
  }
}
