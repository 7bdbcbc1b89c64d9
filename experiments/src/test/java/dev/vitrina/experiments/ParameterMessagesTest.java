package dev.vitrina.experiments;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.experiments.analysis.AnalysisSpec;
import dev.vitrina.experiments.analysis.MetricDefinition;
import dev.vitrina.experiments.data.SyntheticEvents;
import dev.vitrina.experiments.sim.Simulations;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Library errors name the library's parameter (record component or argument), never a flag. */
class ParameterMessagesTest {

  @Test
  void syntheticEventsNameTheirComponents() {
    assertThatThrownBy(() -> new SyntheticEvents.Traffic(0, 7, 0))
        .isInstanceOf(ParameterException.class)
        .hasMessage("users must be >= 1, got 0");
    assertThatThrownBy(() -> new SyntheticEvents.Traffic(10, 7, -1))
        .isInstanceOf(ParameterException.class)
        .hasMessage("preDays must be >= 0, got -1");
    assertThatThrownBy(() -> new SyntheticEvents.Lifts(0, 0, 0, 1))
        .isInstanceOf(ParameterException.class)
        .hasMessage("treatmentLoss must be in [0, 1), got 1.0");
  }

  @Test
  void simulationsNameTheirArguments() {
    assertThatThrownBy(() -> new Simulations(9, 1, 1))
        .isInstanceOf(ParameterException.class)
        .hasMessage("experiments must be >= 10, got 9");
    assertThatThrownBy(() -> new Simulations(10, 1, 0)).hasMessage("threads must be >= 1, got 0");
  }

  @Test
  void analysisSpecNamesItsComponents() {
    List<MetricDefinition> ctr = List.of(MetricDefinition.builtin("ctr", true));
    assertThatThrownBy(() -> AnalysisSpec.of(List.of()))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("metrics needs at least one metric")
        .hasMessageNotContaining("--");
    assertThatThrownBy(() -> AnalysisSpec.of(ctr).withAlpha(1))
        .hasMessageStartingWith("alpha must be in (0.0, 1.0)");
    assertThatThrownBy(() -> new AnalysisSpec.SequentialOptions(true, -1))
        .isInstanceOf(ParameterException.class)
        .hasMessage("plannedUnits must be >= 0, got -1");
  }
}
