package dev.vitrina.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  enum RunMode {
    SAMPLE_SIZE,
    MDE
  }

  record Inner(double meanValue, List<Double> perArm) {}

  record Outer(
      String modelName,
      long totalUnits,
      Inner innerResult,
      List<Inner> allResults,
      LocalDate originDay,
      RunMode runMode,
      String note,
      Map<String, Integer> countsByReason,
      Path outFile,
      double[] forecastValues) {}

  private static Outer sample(double mean) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("zeta", 1);
    counts.put("alpha", 2);
    return new Outer(
        "lgbm",
        42,
        new Inner(mean, List.of(1.5, Double.NaN)),
        List.of(new Inner(2.0, List.of())),
        LocalDate.of(2024, 3, 1),
        RunMode.SAMPLE_SIZE,
        null,
        counts,
        Path.of("out", "f.parquet"),
        new double[] {1.0, Double.POSITIVE_INFINITY});
  }

  @Test
  void recordsAreSnakeCaseInComponentOrderWithNestedRecords() {
    assertThat(Json.write(sample(0.5)))
        .isEqualTo(
            "{\"model_name\":\"lgbm\",\"total_units\":42,"
                + "\"inner_result\":{\"mean_value\":0.5,\"per_arm\":[1.5,null]},"
                + "\"all_results\":[{\"mean_value\":2.0,\"per_arm\":[]}],"
                + "\"origin_day\":\"2024-03-01\",\"run_mode\":\"sample_size\",\"note\":null,"
                + "\"counts_by_reason\":{\"alpha\":2,\"zeta\":1},"
                + "\"out_file\":\""
                + Path.of("out", "f.parquet")
                + "\",\"forecast_values\":[1.0,null]}");
  }

  @Test
  void nonFiniteNumbersAreWrittenAsNull() {
    assertThat(Json.write(new Inner(Double.NaN, List.of())))
        .isEqualTo("{\"mean_value\":null,\"per_arm\":[]}");
    assertThat(Json.write(new Inner(Double.NEGATIVE_INFINITY, List.of())))
        .isEqualTo("{\"mean_value\":null,\"per_arm\":[]}");
    assertThat(Json.write(Float.NaN)).isEqualTo("null");
    assertThat(Json.write(new float[] {1f, Float.NaN})).isEqualTo("[1.0,null]");
  }

  @Test
  void nullsAreKeptAndToStringEqualsWrite() {
    Outer o = sample(1);
    assertThat(Json.toTree(o).has("note")).isTrue();
    assertThat(Json.toTree(o).get("note").isNull()).isTrue();
    assertThat(Json.toString(o)).isEqualTo(Json.write(o));
    assertThat(Json.toTree(o).get("total_units").isInt()).isTrue();
  }

  @Test
  void datesAndEnumsReadBack() throws Exception {
    record Back(LocalDate originDay, RunMode runMode) {}
    Back b =
        Json.mapper().readValue("{\"origin_day\":\"2024-02-29\",\"run_mode\":\"mde\"}", Back.class);
    assertThat(b).isEqualTo(new Back(LocalDate.of(2024, 2, 29), RunMode.MDE));
  }
}
