package dev.vitrina.demand.panel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Panel option errors name the library's parameter, never a command-line flag. */
class PanelParametersTest {

  @Test
  void levelErrorsNameTheLevel() {
    assertThatThrownBy(() -> Level.parse("item,,city"))
        .isInstanceOf(ParameterException.class)
        .hasMessage("level has an empty column in 'item,,city'; use e.g. item,city");
    assertThatThrownBy(() -> new Level(List.of("item", "item")))
        .isInstanceOf(ParameterException.class)
        .hasMessage("level repeats a column: item,item");
    assertThatThrownBy(() -> new Level(List.of()))
        .hasMessage("level needs at least one column; use e.g. store,item or item,city");
  }

  @Test
  void freqErrorsNameTheFreq() {
    assertThatThrownBy(() -> Freq.parse("month"))
        .isInstanceOf(ParameterException.class)
        .hasMessage("freq must be day or week, got 'month'");
  }

  @Test
  void anEndBeforeTheStartNamesBoth() {
    LocalDate start = LocalDate.of(2024, 2, 1);
    LocalDate end = LocalDate.of(2024, 1, 1);
    assertThatThrownBy(() -> new PanelOptions(Level.STORE_ITEM, Freq.DAY, start, end, 0))
        .isInstanceOf(ParameterException.class)
        .hasMessage(
            "end 2024-01-01 is before PanelOptions.start 2024-02-01; give an end after the start");
  }
}
