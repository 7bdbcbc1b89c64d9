package dev.vitrina.recs.request.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntentMappingTest {

  @Test
  void weightIsPiecewiseConstantWithLeftClosedBins() {
    IntentMapping m = new IntentMapping(List.of(0.3, 0.6), List.of(0.1, 0.5, 0.9));
    assertThat(m.weight(0.0)).isEqualTo(0.1);
    assertThat(m.weight(0.29)).isEqualTo(0.1);
    assertThat(m.weight(0.3)).isEqualTo(0.5);
    assertThat(m.weight(0.6)).isEqualTo(0.9);
    assertThat(m.weight(1.0)).isEqualTo(0.9);
  }

  @Test
  void fixedIsOneBin() {
    assertThat(IntentMapping.fixed(0.5).weight(0.99)).isEqualTo(0.5);
    assertThat(IntentMapping.fixed(0.5).edges()).isEmpty();
  }

  @Test
  void defaultsAreTheDocumentedFit() {
    IntentMapping d = IntentMapping.defaults();
    assertThat(d.edges()).containsExactly(0.8157, 0.8701, 0.9123, 0.9528);
    assertThat(d.weights()).containsExactly(0.7, 0.8, 0.6, 0.8, 0.5);
    assertThat(d.weight(0.5)).isEqualTo(0.7);
    assertThat(d.weight(0.99)).isEqualTo(0.5);
  }

  @Test
  void fitPicksTheBestGridWeightPerEqualCountBin() {
    double[] intents = {0.1, 0.2, 0.8, 0.9};
    double[] grid = {0, 0.5, 1};
    // the two habitual requests gain most at weight 0, the two new-intent ones at weight 1
    double[][] gain = {{1, 0.5, 0}, {0.8, 0.9, 0}, {0, 0.2, 1}, {0, 0, 0.3}};
    IntentMapping m = IntentMapping.fit(intents, grid, gain, 2);
    assertThat(m.edges()).containsExactly(0.8);
    // bin 0 totals: 1.8, 1.4, 0 -> weight 0; bin 1 totals: 0, 0.2, 1.3 -> weight 1
    assertThat(m.weights()).containsExactly(0.0, 1.0);
  }

  @Test
  void fitMergesBinsWhoseEdgesRepeat() {
    double[] intents = {0.5, 0.5, 0.5, 0.9};
    double[][] gain = {{1, 0}, {1, 0}, {1, 0}, {0, 1}};
    IntentMapping m = IntentMapping.fit(intents, new double[] {0, 1}, gain, 4);
    assertThat(m.edges()).containsExactly(0.9);
    assertThat(m.weights()).containsExactly(0.0, 1.0);
  }

  @Test
  void badMappingsNameTheParameter() {
    assertThatThrownBy(() -> new IntentMapping(List.of(0.5), List.of(0.5)))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("weights must have one value per bin (2 for 1 edges), got 1");
    assertThatThrownBy(() -> new IntentMapping(List.of(0.6, 0.3), List.of(0.1, 0.2, 0.3)))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("edges must be finite and strictly increasing, got [0.6, 0.3]");
    assertThatThrownBy(() -> IntentMapping.fixed(1.5))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("weights must each be in [0, 1], got [1.5]");
    assertThatThrownBy(
            () -> IntentMapping.fit(new double[] {0.1}, new double[] {0}, new double[1][1], 2))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("intents must have one gain row each and at least one per bin");
  }
}
